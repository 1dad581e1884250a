package ai.tradesense.application.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import ai.tradesense.application.challenge.ChallengeChanged;
import ai.tradesense.application.challenge.ChallengeSnapshot;
import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.rules.Evaluation;
import ai.tradesense.domain.rules.OnViolation;
import ai.tradesense.domain.rules.Outcome;
import ai.tradesense.domain.rules.OutcomeType;
import ai.tradesense.domain.rules.RuleSet;

/** Collects the live messages of one change and hands them, with the resulting state, to the live channels. */
@ApplicationScoped
class ChangePublisher {

    @Inject
    Event<ChallengeChanged> changes;

    @Inject
    AlertRaiser alerts;

    @Inject
    OutboxWriter outbox;

    /** The outcomes a screen must show as they happen, then the alert a failure raises. */
    void outcomes(Challenge challenge, Evaluation evaluation, Instant at, Instant now, List<LiveMessage> messages) {
        for (Outcome outcome : evaluation.outcomes()) {
            if (LiveMessage.OutcomeReported.reported(outcome.type())) {
                messages.add(new LiveMessage.OutcomeReported(challenge.id(), challenge.seq(), at, outcome));
            }
        }
        // A flagged conduct violation is one too (FAIL and PAUSE act as a loss does; §19).
        for (Outcome outcome : evaluation.outcomes()) {
            if (outcome instanceof Outcome.ConductViolation violation
                    && (violation.action() == OnViolation.FLAG || violation.action() == OnViolation.EXCLUDE)) {
                alerts.conduct(challenge, violation, now).ifPresent(messages::add);
            }
        }
        // A failure is an alert for risk staff, raised with it in the same transaction.
        if (evaluation.has(OutcomeType.FAILED)) {
            alerts.failed(challenge, now).ifPresent(messages::add);
        }
    }

    /** Fires the messages and the resulting STATE; they are pushed after the commit. */
    void publish(Challenge challenge, RuleSet rules, Instant now, List<LiveMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<LiveMessage> all = new ArrayList<>(messages);
        all.add(new LiveMessage.State(challenge.id(), challenge.seq(), now, ChallengeSnapshot.of(challenge, rules)));
        fire(new ChallengeChanged(challenge.id(), challenge.traderId(), challenge.planCode(), all));
    }

    /** Messages that need no STATE after them (alerts of the worker). */
    void publishAsIs(Challenge challenge, List<LiveMessage> messages) {
        if (!messages.isEmpty()) {
            fire(new ChallengeChanged(challenge.id(), challenge.traderId(), challenge.planCode(), messages));
        }
    }

    /** The webhooks and platform commands of the change join its transaction; the pushes wait for the commit. */
    private void fire(ChallengeChanged change) {
        outbox.record(change);
        changes.fire(change);
    }
}
