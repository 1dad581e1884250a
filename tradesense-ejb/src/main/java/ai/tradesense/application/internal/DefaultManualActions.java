package ai.tradesense.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import ai.tradesense.application.challenge.AuditContent;
import ai.tradesense.application.challenge.ChallengeSnapshot;
import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.application.challenge.ManualActions;
import ai.tradesense.application.security.AccessDeniedException;
import ai.tradesense.application.security.Caller;
import ai.tradesense.application.security.Role;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.challenge.AuditEntry;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.ChallengeRepository;
import ai.tradesense.domain.rules.Evaluation;
import ai.tradesense.domain.rules.EventRejectedException;
import ai.tradesense.domain.rules.ManualAction;
import ai.tradesense.domain.rules.RuleSet;

@Stateless
public class DefaultManualActions implements ManualActions {

    private static final Logger LOG = Logger.getLogger(DefaultManualActions.class.getName());

    @Inject
    ChallengeRepository challenges;

    @Inject
    PlanRules planRules;

    @Inject
    AuditWriter audit;

    @Inject
    StoredTicks ticks;

    @Inject
    ChangePublisher publisher;

    @Inject
    Clock clock;

    @Override
    public ChallengeSnapshot act(Caller caller, String challengeId, Action action, String reason, Instant until,
                                 Integer days) {
        Challenge challenge = VisibleChallenges.visible(caller, challenges.lock(challengeId), challengeId);
        // The resource lets risk staff in; of the actions, they may only pause and resume.
        if (!caller.is(Role.ADMIN) && action != Action.PAUSE && action != Action.RESUME) {
            throw new AccessDeniedException("this action needs the ADMIN role");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw InvalidInputException.of("reason", Kind.VALUE, "a reason of 1 to 500 characters is required");
        }
        Instant now = clock.instant();
        // Staff act now, but never before the account's last event.
        Instant at = now.isBefore(challenge.account().lastEventAt()) ? challenge.account().lastEventAt() : now;
        ManualAction manual = switch (action) {
            case FAIL -> new ManualAction.Fail(at);
            case PASS -> new ManualAction.Pass(at);
            case PAUSE -> new ManualAction.Pause(at, until);
            case RESUME -> new ManualAction.Resume(at);
            case EXTEND -> {
                if (days == null) {
                    throw InvalidInputException.of("days", Kind.VALUE, "is required to extend");
                }
                yield new ManualAction.Extend(at, days);
            }
            case RESTORE -> new ManualAction.Restore(at);
        };
        RuleSet rules = planRules.of(challenge.planCode(), challenge.planVersion());
        Evaluation evaluation;
        try {
            // The action comes after the pending tick in the log (it reads the equity the tick set); a refused
            // action rolls the transaction back, the tick's storing with it.
            ticks.storePending(challenge);
            evaluation = challenge.act(rules, manual, now);
        } catch (EventRejectedException e) {
            throw InvalidInputException.of(e.field(), Kind.VALUE, e.getMessage());
        }
        audit.write(challenge, AuditEntry.Kind.MANUAL_ACTION, at, caller.auditName(),
                new AuditContent.ActionTaken(action, reason.strip(), evaluation.outcomes(), until, days));
        audit.statusChanges(challenge, evaluation, at);
        List<LiveMessage> messages = new ArrayList<>();
        publisher.outcomes(challenge, evaluation, at, now, messages);
        publisher.publish(challenge, rules, now, messages);
        LOG.log(Level.INFO, "{0} applied {1} to challenge {2}: {3}",
                new Object[] {caller.auditName(), action, challengeId, reason.strip()});
        return ChallengeSnapshot.of(challenge, rules);
    }
}
