package ai.tradesense.application.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import ai.tradesense.application.challenge.ChallengeLifecycle;
import ai.tradesense.application.risk.StatsService;
import ai.tradesense.application.security.Caller;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.PlainNumber;
import ai.tradesense.domain.model.challenge.ChallengeDay;
import ai.tradesense.domain.model.challenge.ChallengeRepository;
import ai.tradesense.domain.model.challenge.Trade;

@Stateless
public class DefaultStatsService implements StatsService {

    /** Ratios and averages are given to this many decimals. */
    private static final int SCALE = 4;

    @Inject
    ChallengeLifecycle challengeService;

    @Inject
    ChallengeRepository challenges;

    @Inject
    ChallengeWatch watch;

    @Inject
    Clock clock;

    @Override
    public JsonObject stats(Caller caller, String challengeId) {
        // Visibility as for the challenge itself: others' challenges are not found.
        long seq = challengeService.find(caller, challengeId).seq();
        watch.snapshot(challengeId, clock.instant());
        List<Trade> trades = challenges.closedTrades(challengeId);
        int wins = 0;
        int losses = 0;
        BigDecimal won = BigDecimal.ZERO;
        BigDecimal lost = BigDecimal.ZERO;
        for (Trade trade : trades) {
            if (trade.profit().signum() > 0) {
                wins++;
                won = won.add(trade.profit());
            } else if (trade.profit().signum() < 0) {
                losses++;
                lost = lost.add(trade.profit().negate());
            }
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("challengeId", challengeId).add("seq", seq)
                .add("closedTrades", trades.size()).add("wins", wins).add("losses", losses);
        ratio(json, "winRate", BigDecimal.valueOf(wins), BigDecimal.valueOf(trades.size()));
        ratio(json, "averageWin", won, BigDecimal.valueOf(wins));
        ratio(json, "averageLoss", lost, BigDecimal.valueOf(losses));
        ratio(json, "profitFactor", won, lost);
        json.add("grossProfit", PlainNumber.of(won)).add("grossLoss", PlainNumber.of(lost));

        List<ChallengeDay> days = challenges.days(challengeId);
        ChallengeDay best = null;
        BigDecimal maxDrawdown = BigDecimal.ZERO;
        JsonArrayBuilder curve = Json.createArrayBuilder();
        for (ChallengeDay day : days) {
            if (day.tradesClosed() > 0 && (best == null || day.profit().compareTo(best.profit()) > 0)) {
                best = day;
            }
            maxDrawdown = maxDrawdown.max(day.maxDrawdown());
            curve.add(Json.createObjectBuilder().add("day", day.tradingDay().toString())
                    .add("phaseIndex", day.phaseIndex())
                    .add("startBalance", PlainNumber.of(day.startBalance()))
                    .add("endBalance", PlainNumber.of(day.endBalance()))
                    .add("startEquity", PlainNumber.of(day.startEquity()))
                    .add("endEquity", PlainNumber.of(day.endEquity()))
                    .add("lowEquity", PlainNumber.of(day.lowEquity()))
                    .add("highEquity", PlainNumber.of(day.highEquity()))
                    .add("trades", day.tradesClosed())
                    .add("tradesOpened", day.tradesOpened())
                    .add("profit", PlainNumber.of(day.profit())));
        }
        if (best == null) {
            json.addNull("bestDay");
        } else {
            json.add("bestDay", Json.createObjectBuilder().add("day", best.tradingDay().toString())
                    .add("profit", PlainNumber.of(best.profit())));
        }
        return json.add("maxDrawdown", PlainNumber.of(maxDrawdown)).add("days", curve).build();
    }

    /** a ÷ b to {@link #SCALE} decimals; null when b is zero. */
    private static void ratio(JsonObjectBuilder json, String name, BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            json.addNull(name);
        } else {
            json.add(name, PlainNumber.of(a.divide(b, SCALE, RoundingMode.HALF_EVEN)));
        }
    }
}
