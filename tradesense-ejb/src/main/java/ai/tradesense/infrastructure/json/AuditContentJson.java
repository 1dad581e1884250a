package ai.tradesense.infrastructure.json;

import java.time.Instant;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import ai.tradesense.application.challenge.AuditContent;
import ai.tradesense.application.challenge.ManualActions;
import ai.tradesense.domain.model.challenge.AuditEntry;
import ai.tradesense.domain.rules.ChallengeStatus;

/** An audit entry's content as it is stored (and hashed) and listed, and back. */
public final class AuditContentJson {

    private AuditContentJson() {
    }

    public static JsonObject write(AuditContent content) {
        if (content instanceof AuditContent.Started s) {
            return Json.createObjectBuilder().add("planCode", s.planCode()).add("planVersion", s.planVersion())
                    .add("traderId", s.traderId()).add("startAt", s.startAt().toString()).build();
        }
        if (content instanceof AuditContent.EventRecorded e) {
            return Json.createObjectBuilder(AnswerJson.entry(e.entry(), false))
                    .add("event", EventDocument.write(e.event())).build();
        }
        if (content instanceof AuditContent.ActionTaken a) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("action", a.action().name())
                    .add("reason", a.reason()).add("outcomes", OutcomeJson.write(a.outcomes()));
            if (a.until() != null) {
                json.add("until", a.until().toString());
            }
            if (a.days() != null) {
                json.add("days", a.days());
            }
            return json.build();
        }
        if (content instanceof AuditContent.PayoutStep p) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("payoutId", p.payoutId())
                    .add("amount", PlainNumber.of(p.amount()));
            if (p.traderShare() != null) {
                json.add("traderShare", PlainNumber.of(p.traderShare())).add("firmShare", PlainNumber.of(p.firmShare()));
            }
            if (p.reason() != null) {
                json.add("reason", p.reason());
            }
            return json.add("outcomes", OutcomeJson.write(p.outcomes())).build();
        }
        AuditContent.StatusChanged c = (AuditContent.StatusChanged) content;
        return Json.createObjectBuilder().add("eventSeq", c.eventSeq()).add("outcome", OutcomeJson.write(c.outcome()))
                .add("status", c.status().name()).build();
    }

    public static AuditContent read(String kind, JsonObject json) {
        switch (AuditEntry.Kind.valueOf(kind)) {
            case CHALLENGE_STARTED:
                return new AuditContent.Started(json.getString("planCode"), json.getInt("planVersion"),
                        json.getString("traderId"), Instant.parse(json.getString("startAt")));
            case EVENT_APPLIED:
            case EVENT_IGNORED:
                return new AuditContent.EventRecorded(AnswerJson.entry(json),
                        EventDocument.read(json.getJsonObject("event"), ""));
            case MANUAL_ACTION:
                return new AuditContent.ActionTaken(ManualActions.Action.valueOf(json.getString("action")),
                        json.getString("reason"), AnswerJson.outcomes(json.getJsonArray("outcomes")),
                        json.containsKey("until") ? Instant.parse(json.getString("until")) : null,
                        json.containsKey("days") ? json.getInt("days") : null);
            case PAYOUT_REQUESTED:
            case PAYOUT_APPROVED:
            case PAYOUT_PAID:
            case PAYOUT_REJECTED:
                return new AuditContent.PayoutStep(json.getString("payoutId"),
                        json.getJsonNumber("amount").bigDecimalValue(),
                        json.containsKey("traderShare") ? json.getJsonNumber("traderShare").bigDecimalValue() : null,
                        json.containsKey("firmShare") ? json.getJsonNumber("firmShare").bigDecimalValue() : null,
                        json.containsKey("reason") ? json.getString("reason") : null,
                        AnswerJson.outcomes(json.getJsonArray("outcomes")));
            default:
                return new AuditContent.StatusChanged(json.getJsonNumber("eventSeq").longValueExact(),
                        AnswerJson.outcome(json.getJsonObject("outcome")),
                        ChallengeStatus.valueOf(json.getString("status")));
        }
    }
}
