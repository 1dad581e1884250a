package ai.tradesense.infrastructure.json;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import ai.tradesense.application.challenge.AppliedEvent;
import ai.tradesense.application.challenge.IngestAnswer;
import ai.tradesense.domain.rules.Outcome;

/**
 * An ingestion's answer {@code {"challenge", "applied": [{"seq", "type", "id", "at", "outcomes",
 * "duplicate"}]}} and its entries, and back: event rows written before answers were
 * rebuilt stored their first answer, which is read back, byte for byte, for a repeat.
 */
public final class AnswerJson {

    private AnswerJson() {
    }

    public static JsonObject write(IngestAnswer answer) {
        JsonArrayBuilder applied = Json.createArrayBuilder();
        answer.applied().forEach(a -> applied.add(entry(a, true)));
        return Json.createObjectBuilder().add("challenge", SnapshotJson.write(answer.challenge()))
                .add("applied", applied).build();
    }

    /** As stored and answered; never a replay (that is not part of the document). */
    public static IngestAnswer read(JsonObject json) {
        List<AppliedEvent> applied = json.getJsonArray("applied").getValuesAs(JsonObject.class).stream()
                .map(AnswerJson::entry).toList();
        return new IngestAnswer(SnapshotJson.read(json.getJsonObject("challenge")), applied, false);
    }

    /** One event's entry; without {@code duplicate} as the EVENT_APPLIED message and the audit trail show it. */
    public static JsonObject entry(AppliedEvent event, boolean withDuplicate) {
        JsonObjectBuilder entry = Json.createObjectBuilder().add("seq", event.seq()).add("type", event.type());
        entry.add("id", event.id() == null ? JsonValue.NULL : Json.createValue(event.id()));
        entry.add("at", event.at().toString()).add("outcomes", OutcomeJson.write(event.outcomes()));
        if (withDuplicate) {
            entry.add("duplicate", event.duplicate());
        }
        return entry.build();
    }

    public static AppliedEvent entry(JsonObject json) {
        return new AppliedEvent(json.getJsonNumber("seq").longValueExact(), json.getString("type"),
                json.isNull("id") ? null : json.getString("id"), Instant.parse(json.getString("at")),
                outcomes(json.getJsonArray("outcomes")), json.getBoolean("duplicate", false));
    }

    /** Outcomes as {@link OutcomeJson} wrote them. */
    public static List<Outcome> outcomes(JsonArray json) {
        return json.getValuesAs(JsonObject.class).stream().map(AnswerJson::outcome).toList();
    }

    public static Outcome outcome(JsonObject json) {
        Class<? extends Record> type = switch (ai.tradesense.domain.rules.OutcomeType.valueOf(json.getString("type"))) {
            case DAY_ROLLED -> Outcome.DayRolled.class;
            case TRADING_DAY_COUNTED -> Outcome.TradingDayCounted.class;
            case BREACH -> Outcome.Breach.class;
            case FAILED -> Outcome.Failed.class;
            case PAUSED -> Outcome.Paused.class;
            case RESUMED -> Outcome.Resumed.class;
            case PASS_HELD_BACK -> Outcome.PassHeldBack.class;
            case PHASE_PASSED -> Outcome.PhasePassed.class;
            case PENDING_REVIEW -> Outcome.PendingReview.class;
            case PASSED -> Outcome.Passed.class;
            case IGNORED_FROZEN -> Outcome.IgnoredFrozen.class;
            case EXTENDED -> Outcome.Extended.class;
            case RESTORED -> Outcome.Restored.class;
            case CONDUCT_VIOLATION -> Outcome.ConductViolation.class;
            case PAYOUT_PAID -> Outcome.PayoutPaid.class;
            case PAYOUT_REFUSED -> Outcome.PayoutRefused.class;
            case SCALED -> Outcome.Scaled.class;
        };
        return (Outcome) RecordJson.read(json, type);
    }
}
