package ai.tradesense.application.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import ai.tradesense.application.challenge.ChallengeLifecycle;
import ai.tradesense.application.risk.ChallengeStats;
import ai.tradesense.application.risk.StatsService;
import ai.tradesense.application.security.Caller;
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
    public ChallengeStats stats(Caller caller, String challengeId) {
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
        ChallengeDay best = null;
        BigDecimal maxDrawdown = BigDecimal.ZERO;
        List<ChallengeStats.Day> curve = new ArrayList<>();
        for (ChallengeDay day : challenges.days(challengeId)) {
            if (day.tradesClosed() > 0 && (best == null || day.profit().compareTo(best.profit()) > 0)) {
                best = day;
            }
            maxDrawdown = maxDrawdown.max(day.maxDrawdown());
            curve.add(new ChallengeStats.Day(day.tradingDay(), day.phaseIndex(), day.startBalance(), day.endBalance(),
                    day.startEquity(), day.endEquity(), day.lowEquity(), day.highEquity(), day.tradesClosed(),
                    day.tradesOpened(), day.profit()));
        }
        return new ChallengeStats(challengeId, seq, trades.size(), wins, losses,
                ratio(BigDecimal.valueOf(wins), BigDecimal.valueOf(trades.size())),
                ratio(won, BigDecimal.valueOf(wins)), ratio(lost, BigDecimal.valueOf(losses)), ratio(won, lost),
                won, lost, best == null ? null : new ChallengeStats.BestDay(best.tradingDay(), best.profit()),
                maxDrawdown, List.copyOf(curve));
    }

    /** a ÷ b to {@link #SCALE} decimals; null when b is zero. */
    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? null : a.divide(b, SCALE, RoundingMode.HALF_EVEN);
    }
}
