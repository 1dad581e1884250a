package ai.tradesense.infrastructure.json;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;

import ai.tradesense.application.challenge.AlertFacts;
import ai.tradesense.application.challenge.AuditContent;
import ai.tradesense.application.challenge.AuditEntryView;
import ai.tradesense.application.challenge.ChallengeDocuments;
import ai.tradesense.application.challenge.IngestAnswer;
import ai.tradesense.application.challenge.RecordedEventView;
import ai.tradesense.domain.model.alert.Alert;
import ai.tradesense.domain.model.challenge.AuditEntry;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.RecordedEvent;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.Outcome;

/** Challenge records stored as JSON text: events, outcomes, first answers, audit contents, alert data. */
@ApplicationScoped
public class JsonChallengeDocuments implements ChallengeDocuments {

    @Override
    public RecordedEvent recorded(Challenge challenge, Event event, List<Outcome> outcomes, IngestAnswer answer,
                                  Instant receivedAt) {
        return new RecordedEvent(challenge.id(), challenge.seq(), event, EventDocument.write(event).toString(),
                OutcomeJson.write(outcomes).toString(), AnswerJson.write(answer).toString(), receivedAt);
    }

    @Override
    public Event event(RecordedEvent recorded) {
        return EventDocument.read(StrictJson.parse(recorded.payload()), "");
    }

    @Override
    public boolean sameEvent(RecordedEvent recorded, Event event) {
        return EventDocument.sameEvent(event(recorded), event);
    }

    @Override
    public IngestAnswer answer(RecordedEvent recorded) {
        return AnswerJson.read(StrictJson.parse(recorded.answer()).asJsonObject());
    }

    @Override
    public RecordedEventView view(RecordedEvent recorded) {
        return new RecordedEventView(recorded.seq(), recorded.type(), event(recorded),
                AnswerJson.outcomes(StrictJson.parse(recorded.outcomes()).asJsonArray()), recorded.receivedAt());
    }

    @Override
    public AuditEntry audit(Challenge challenge, AuditEntry.Kind kind, Instant at, String actor,
                            AuditContent content) {
        return challenge.audit(kind, at, actor, AuditContentJson.write(content).toString());
    }

    @Override
    public AuditEntryView view(AuditEntry entry) {
        return new AuditEntryView(entry.seq(), entry.kind(), entry.occurredAt(), entry.actor(),
                AuditContentJson.read(entry.kind(), StrictJson.parse(entry.content()).asJsonObject()),
                entry.previousHash(), entry.hash());
    }

    @Override
    public Alert alert(String id, Challenge challenge, String kind, Alert.Severity severity, String dedupeKey,
                       String message, AlertFacts facts, Instant raisedAt) {
        JsonObjectBuilder data = Json.createObjectBuilder();
        if (facts instanceof AlertFacts.Failed f) {
            data.add("rule", f.failure().rule().name()).add("at", f.failure().at().toString());
            if (f.failure().floor() != null) {
                data.add("floor", PlainNumber.of(f.failure().floor()));
            }
            if (f.failure().equity() != null) {
                data.add("equity", PlainNumber.of(f.failure().equity()));
            }
        } else if (facts instanceof AlertFacts.RoomUsed r) {
            data.add("floor", r.floor()).add("level", r.level()).add("used", PlainNumber.of(r.used()))
                    .add("equity", PlainNumber.of(r.equity())).add("roomLeft", PlainNumber.of(r.roomLeft()))
                    .add("tradingDay", r.tradingDay().toString());
        } else if (facts instanceof AlertFacts.FeedStale s) {
            data.add("lastEquityAt", s.lastEquityAt().toString()).add("openTrades", s.openTrades())
                    .add("staleAfterMinutes", s.staleAfterMinutes());
        }
        data.add("traderId", challenge.traderId()).add("planCode", challenge.planCode());
        return new Alert(id, challenge.id(), kind, severity, dedupeKey, message, data.build().toString(), raisedAt);
    }
}
