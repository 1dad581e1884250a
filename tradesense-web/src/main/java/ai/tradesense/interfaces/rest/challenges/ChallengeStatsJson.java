package ai.tradesense.interfaces.rest.challenges;

import java.math.BigDecimal;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import ai.tradesense.application.risk.ChallengeStats;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.PlainNumber;

/** A challenge's statistics as {@code GET /challenges/{id}/stats} answers them. */
final class ChallengeStatsJson {

    private ChallengeStatsJson() {
    }

    static JsonObject write(ChallengeStats stats) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("challengeId", stats.challengeId())
                .add("seq", stats.seq()).add("closedTrades", stats.closedTrades()).add("wins", stats.wins())
                .add("losses", stats.losses());
        nullable(json, "winRate", stats.winRate());
        nullable(json, "averageWin", stats.averageWin());
        nullable(json, "averageLoss", stats.averageLoss());
        nullable(json, "profitFactor", stats.profitFactor());
        json.add("grossProfit", PlainNumber.of(stats.grossProfit())).add("grossLoss", PlainNumber.of(stats.grossLoss()));
        if (stats.bestDay() == null) {
            json.addNull("bestDay");
        } else {
            json.add("bestDay", Json.createObjectBuilder().add("day", stats.bestDay().day().toString())
                    .add("profit", PlainNumber.of(stats.bestDay().profit())));
        }
        JsonArrayBuilder curve = Json.createArrayBuilder();
        for (ChallengeStats.Day day : stats.days()) {
            curve.add(Json.createObjectBuilder().add("day", day.day().toString())
                    .add("phaseIndex", day.phaseIndex())
                    .add("startBalance", PlainNumber.of(day.startBalance()))
                    .add("endBalance", PlainNumber.of(day.endBalance()))
                    .add("startEquity", PlainNumber.of(day.startEquity()))
                    .add("endEquity", PlainNumber.of(day.endEquity()))
                    .add("lowEquity", PlainNumber.of(day.lowEquity()))
                    .add("highEquity", PlainNumber.of(day.highEquity()))
                    .add("trades", day.trades())
                    .add("tradesOpened", day.tradesOpened())
                    .add("profit", PlainNumber.of(day.profit())));
        }
        return json.add("maxDrawdown", PlainNumber.of(stats.maxDrawdown())).add("days", curve).build();
    }

    private static void nullable(JsonObjectBuilder json, String name, BigDecimal value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, PlainNumber.of(value));
        }
    }
}
