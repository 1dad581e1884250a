package ai.tradesense.infrastructure.json;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import ai.tradesense.application.challenge.AuditContent;
import ai.tradesense.application.challenge.AuditEntryView;
import ai.tradesense.application.challenge.ChallengeDocuments;
import ai.tradesense.application.challenge.IngestAnswer;
import ai.tradesense.application.challenge.RecordedEventView;
import ai.tradesense.domain.model.challenge.AuditEntry;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.RecordedEvent;
import ai.tradesense.domain.rules.AccountState;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.Outcome;

/** Challenge records stored as JSON text: events, outcomes, audit contents, alert data (and old rows' first answers). */
@ApplicationScoped
public class JsonChallengeDocuments implements ChallengeDocuments {

    @Override
    public RecordedEvent recorded(Challenge challenge, Event event, List<Outcome> outcomes, Instant receivedAt) {
        return recorded(challenge.id(), challenge.seq(), challenge.account(), event, outcomes, receivedAt);
    }

    @Override
    public RecordedEvent recorded(String challengeId, long seq, AccountState after, Event event, List<Outcome> outcomes,
                                  Instant receivedAt) {
        return new RecordedEvent(challengeId, seq, event, EventDocument.write(event).toString(),
                OutcomeJson.write(outcomes).toString(), after.balance(), after.equity(), after.phaseIndex(), receivedAt);
    }

    @Override
    public boolean sameEvent(Event first, Event event) {
        return EventDocument.sameEvent(first, event);
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
    public Optional<IngestAnswer> storedAnswer(RecordedEvent recorded) {
        return recorded.answer().map(answer -> AnswerJson.read(StrictJson.parse(answer).asJsonObject()));
    }

    @Override
    public RecordedEventView view(RecordedEvent recorded) {
        return new RecordedEventView(recorded.seq(), recorded.type(), event(recorded), outcomes(recorded),
                recorded.receivedAt());
    }

    @Override
    public List<Outcome> outcomes(RecordedEvent recorded) {
        // Most events have none: the worker's snapshots read every event's.
        return "[]".equals(recorded.outcomes()) ? List.of()
                : AnswerJson.outcomes(StrictJson.parse(recorded.outcomes()).asJsonArray());
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
}
