package ai.tradesense.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import ai.tradesense.application.challenge.ChallengeChanged;

/** Pushes a challenge's changes to its watchers once the transaction that made them has committed. */
@ApplicationScoped
public class ChallengeBroadcaster {

    @Inject
    LiveSessions sessions;

    void pushAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChallengeChanged change) {
        sessions.publish(change.challengeId(), change.messages().stream().map(Object::toString).toList());
    }
}
