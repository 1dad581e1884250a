package ai.tradesense.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import ai.tradesense.application.challenge.AuditContent;
import ai.tradesense.application.challenge.ChallengeLifecycle;
import ai.tradesense.application.challenge.ChallengeSnapshot;
import ai.tradesense.application.outbound.Notice;
import ai.tradesense.application.outbound.OutboundEvents;
import ai.tradesense.application.security.AccessDeniedException;
import ai.tradesense.application.security.Caller;
import ai.tradesense.application.security.Role;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.model.challenge.AuditEntry;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.ChallengeRepository;
import ai.tradesense.domain.model.plan.Plan;
import ai.tradesense.domain.model.plan.PlanRepository;
import ai.tradesense.domain.rules.ChallengeStatus;
import ai.tradesense.domain.rules.RuleSet;

@Stateless
public class DefaultChallengeLifecycle implements ChallengeLifecycle {

    private static final Logger LOG = Logger.getLogger(DefaultChallengeLifecycle.class.getName());
    private static final int MAX_TRADER_ID = 128;

    @Inject
    ChallengeRepository challenges;

    @Inject
    PlanRepository plans;

    @Inject
    PlanRules planRules;

    @Inject
    AuditWriter audit;

    @Inject
    OutboxWriter outbox;

    @Inject
    Clock clock;

    @Override
    public ChallengeSnapshot start(Caller caller, String planCode, String traderId, Instant startAt) {
        if (!caller.is(Role.ADMIN)) {
            if (traderId != null && !traderId.equals(caller.id())) {
                throw new AccessDeniedException("traders start challenges only for themselves");
            }
            traderId = caller.id();
        }
        if (traderId == null || traderId.isBlank() || traderId.length() > MAX_TRADER_ID) {
            throw InvalidInputException.of("traderId", Kind.VALUE, "must be 1 to " + MAX_TRADER_ID + " characters");
        }
        if (planCode == null || planCode.isBlank()) {
            throw InvalidInputException.of("planCode", Kind.VALUE, "is required");
        }
        Plan plan = plans.latest(planCode).orElseThrow(() ->
                InvalidInputException.of("planCode", Kind.VALUE, "no plan with code '" + planCode + "'"));
        Instant now = clock.instant();
        // Opened "now" means this second: a platform stamping its first event at a whole second would
        // otherwise be refused as older than the account.
        Instant opening = startAt == null ? now.truncatedTo(ChronoUnit.SECONDS) : startAt;
        RuleSet rules = planRules.of(plan.code(), plan.version());
        Challenge challenge = Challenge.start(UUID.randomUUID().toString(), plan.code(), plan.version(), rules,
                traderId, opening, now);
        challenges.add(challenge);
        audit.write(challenge, AuditEntry.Kind.CHALLENGE_STARTED, opening, caller.auditName(),
                new AuditContent.Started(plan.code(), plan.version(), traderId, opening));
        outbox.record(OutboundEvents.started(challenge.id(),
                new Notice.Started(traderId, plan.code(), plan.version(), opening), opening));
        LOG.log(Level.INFO, "Challenge {0} started on plan {1} v{2} for trader {3}",
                new Object[] {challenge.id(), plan.code(), plan.version(), traderId});
        return ChallengeSnapshot.of(challenge, rules);
    }

    @Override
    public ChallengeSnapshot find(Caller caller, String id) {
        Challenge challenge = VisibleChallenges.visible(caller, challenges.find(id), id);
        return ChallengeSnapshot.of(challenge, planRules.of(challenge.planCode(), challenge.planVersion()));
    }

    @Override
    public Page<ChallengeSnapshot> list(Caller caller, ChallengeStatus status, String planCode, String traderId,
                                        int page, int size) {
        // Staff list everyone's; the others (traders, by the resource's roles) only their own.
        String trader = caller.isStaff() ? traderId : caller.id();
        return challenges.search(status, planCode, trader, page, size)
                .map(c -> ChallengeSnapshot.of(c, planRules.of(c.planCode(), c.planVersion())));
    }
}
