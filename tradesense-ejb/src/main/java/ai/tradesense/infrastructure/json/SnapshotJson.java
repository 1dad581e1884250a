package ai.tradesense.infrastructure.json;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import ai.tradesense.application.challenge.ChallengeSnapshot;
import ai.tradesense.domain.rules.ChallengeStatus;
import ai.tradesense.domain.rules.Failure;
import ai.tradesense.domain.rules.FailureRule;

/**
 * A challenge snapshot as every answer and STATE message shows it, and back (answers stored by older
 * event rows are read again for repeats and daily snapshots). Money is written plain, without trailing zeros.
 */
public final class SnapshotJson {

    private SnapshotJson() {
    }

    public static JsonObject write(ChallengeSnapshot s) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        text(json, "id", s.id());
        text(json, "planCode", s.planCode());
        if (s.planVersion() == null) {
            json.addNull("planVersion");
        } else {
            json.add("planVersion", s.planVersion());
        }
        text(json, "traderId", s.traderId());
        json.add("status", s.status().name())
            .add("phase", Json.createObjectBuilder().add("index", s.phaseIndex()).add("name", s.phaseName())
                    .add("kind", s.phaseKind()));
        money(json, "balance", s.balance());
        money(json, "equity", s.equity());
        money(json, "dayStartBalance", s.dayStartBalance());
        money(json, "dayStartEquity", s.dayStartEquity());
        money(json, "dailyLossFloor", s.dailyLossFloor());
        money(json, "maxLossFloor", s.maxLossFloor());
        money(json, "profitTargetBalance", s.profitTargetBalance());
        money(json, "dailyLossRoom", s.dailyLossRoom());
        money(json, "maxLossRoom", s.maxLossRoom());
        money(json, "profitTargetProgressPct", s.profitTargetProgressPct());
        json.add("tradingDays", s.tradingDays());
        money(json, "bestDayProfit", s.bestDayProfit());
        json.add("openTrades", s.openTrades());
        Failure failure = s.failure();
        if (failure == null) {
            json.addNull("failure");
        } else {
            JsonObjectBuilder f = Json.createObjectBuilder().add("rule", failure.rule().name())
                    .add("at", failure.at().toString());
            money(f, "floor", failure.floor());
            money(f, "equity", failure.equity());
            json.add("failure", f);
        }
        json.add("seq", s.seq());
        instant(json, "startedAt", s.startedAt());
        instant(json, "phaseStartedAt", s.phaseStartedAt());
        instant(json, "dayStartedAt", s.dayStartedAt());
        instant(json, "nextDayStartsAt", s.nextDayStartsAt());
        instant(json, "pausedUntil", s.pausedUntil());
        instant(json, "updatedAt", s.updatedAt());
        return json.build();
    }

    public static ChallengeSnapshot read(JsonObject json) {
        JsonObject phase = json.getJsonObject("phase");
        Failure failure = null;
        if (!json.isNull("failure")) {
            JsonObject f = json.getJsonObject("failure");
            failure = new Failure(FailureRule.valueOf(f.getString("rule")), Instant.parse(f.getString("at")),
                    money(f, "floor"), money(f, "equity"));
        }
        return new ChallengeSnapshot(text(json, "id"), text(json, "planCode"),
                json.isNull("planVersion") ? null : json.getInt("planVersion"), text(json, "traderId"),
                ChallengeStatus.valueOf(json.getString("status")), phase.getInt("index"), phase.getString("name"),
                phase.getString("kind"), money(json, "balance"), money(json, "equity"),
                money(json, "dayStartBalance"), money(json, "dayStartEquity"), money(json, "dailyLossFloor"),
                money(json, "maxLossFloor"), money(json, "profitTargetBalance"), money(json, "dailyLossRoom"),
                money(json, "maxLossRoom"), money(json, "profitTargetProgressPct"), json.getInt("tradingDays"),
                money(json, "bestDayProfit"), json.getInt("openTrades"), failure,
                json.getJsonNumber("seq").longValueExact(), instant(json, "startedAt"),
                instant(json, "phaseStartedAt"), instant(json, "dayStartedAt"), instant(json, "nextDayStartsAt"),
                instant(json, "pausedUntil"), instant(json, "updatedAt"));
    }

    static void money(JsonObjectBuilder json, String name, BigDecimal value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, PlainNumber.of(value));
        }
    }

    static BigDecimal money(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null
                : ((JsonNumber) value).bigDecimalValue();
    }

    static void text(JsonObjectBuilder json, String name, String value) {
        json.add(name, value == null ? JsonValue.NULL : Json.createValue(value));
    }

    static String text(JsonObject json, String name) {
        return json.isNull(name) ? null : json.getString(name);
    }

    static void instant(JsonObjectBuilder json, String name, Instant value) {
        json.add(name, value == null ? JsonValue.NULL : Json.createValue(value.toString()));
    }

    static Instant instant(JsonObject json, String name) {
        return json.isNull(name) ? null : Instant.parse(json.getString(name));
    }
}
