package ai.tradesense.application.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.tradesense.application.challenge.AuditContent;
import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.application.payout.PayoutApprovalConflictException;
import ai.tradesense.application.challenge.ChallengeDocuments;
import ai.tradesense.application.outbound.OutboundEvents;
import ai.tradesense.application.payout.PayoutChanged;
import ai.tradesense.application.payout.PayoutNotEligibleException;
import ai.tradesense.application.payout.PayoutService;
import ai.tradesense.application.payout.PayoutTotal;
import ai.tradesense.application.payout.PayoutView;
import ai.tradesense.application.security.AccessDeniedException;
import ai.tradesense.application.security.Caller;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.challenge.AuditEntry;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.ChallengeRepository;
import ai.tradesense.domain.model.payout.PayoutDecidedException;
import ai.tradesense.domain.model.payout.PayoutNotFoundException;
import ai.tradesense.domain.model.payout.PayoutRepository;
import ai.tradesense.domain.model.payout.PayoutRequest;
import ai.tradesense.domain.rules.Evaluation;
import ai.tradesense.domain.rules.Evaluator;
import ai.tradesense.domain.rules.Outcome;
import ai.tradesense.domain.rules.PayoutEligibility;
import ai.tradesense.domain.rules.RuleSet;

/**
 * Payout requests and their approval (docs/rules.md §20.5). Every step runs under the challenge's row lock,
 * as staff actions do, and commits its ledger row, the account and the audit entry together.
 */
@Stateless
public class DefaultPayoutService implements PayoutService {

    private static final Logger LOG = Logger.getLogger(DefaultPayoutService.class.getName());
    private static final int MAX_LIST = 10_000;

    @Inject
    ChallengeRepository challenges;

    @Inject
    PayoutRepository payouts;

    @Inject
    PlanRules planRules;

    @Inject
    AuditWriter audit;

    @Inject
    ChangePublisher publisher;

    @Inject
    StoredTicks ticks;

    @Inject
    OutboxWriter outbox;

    @Inject
    ChallengeDocuments documents;

    @Inject
    Event<PayoutChanged> changed;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "tradesense.payouts.approvals", defaultValue = "1")
    int approvals;

    @Override
    public PayoutEligibility eligibility(Caller caller, String challengeId, BigDecimal amount) {
        Challenge challenge = VisibleChallenges.visible(caller, challenges.find(challengeId), challengeId);
        return Evaluator.payoutEligibility(rules(challenge), challenge.account(), at(challenge), amount);
    }

    @Override
    public PayoutView request(Caller caller, String challengeId, BigDecimal amount) {
        Challenge challenge = VisibleChallenges.visible(caller, challenges.lock(challengeId), challengeId);
        RuleSet rules = rules(challenge);
        Instant at = at(challenge);
        PayoutEligibility judged = Evaluator.payoutEligibility(rules, challenge.account(), at, amount);
        if (!judged.eligible()) {
            throw new PayoutNotEligibleException(judged);
        }
        PayoutRequest request = PayoutRequest.request(UUID.randomUUID().toString(), challenge.id(),
                challenge.traderId(), challenge.planCode(), challenge.planVersion(), rules.currency(),
                judged.amount(), at, caller.auditName());
        payouts.add(request);
        challenge.payoutPending(rules, true, clock.instant());
        audit.write(challenge, AuditEntry.Kind.PAYOUT_REQUESTED, at, caller.auditName(),
                new AuditContent.PayoutStep(request.id(), request.amount(), null, null, null, List.of()));
        return fire(PayoutChanged.Step.REQUESTED, request);
    }

    @Override
    public List<PayoutView> ledger(Caller caller, String challengeId) {
        VisibleChallenges.visible(caller, challenges.find(challengeId), challengeId);
        return payouts.search(challengeId, null, null, MAX_LIST).stream().map(PayoutView::of).toList();
    }

    @Override
    public List<PayoutView> list(Caller caller, String traderId, PayoutRequest.Status status) {
        String trader = traderId;
        if (!caller.isStaff()) {
            if (traderId != null && !traderId.equals(caller.id())) {
                throw new AccessDeniedException("a trader sees only their own payouts");
            }
            trader = caller.id();
        }
        return payouts.search(null, trader, status, MAX_LIST).stream().map(PayoutView::of).toList();
    }

    @Override
    public PayoutView approve(Caller caller, String payoutId) {
        PayoutRequest found = payouts.find(payoutId).orElseThrow(() -> new PayoutNotFoundException(payoutId));
        // The challenge first, then the request: the same order as a request takes them.
        Challenge challenge = challenges.lock(found.challengeId()).orElseThrow();
        PayoutRequest request = payouts.lock(payoutId).orElseThrow(() -> new PayoutNotFoundException(payoutId));
        if (request.status() != PayoutRequest.Status.PENDING) {
            throw new PayoutDecidedException(request.id(), request.status());
        }
        RuleSet rules = rules(challenge);
        Instant now = clock.instant();
        Instant at = at(challenge);
        // Judged again now, requireFlat included; the pending request is this one.
        PayoutEligibility judged = Evaluator.payoutEligibility(rules, challenge.account().withPayoutPending(false),
                at, request.amount());
        if (!judged.eligible()) {
            throw new PayoutNotEligibleException(judged);
        }
        if (approvals > 1 && request.firstApprovedBy() == null) {
            request.approveFirst(caller.auditName(), at);
            audit.write(challenge, AuditEntry.Kind.PAYOUT_APPROVED, at, caller.auditName(),
                    new AuditContent.PayoutStep(request.id(), request.amount(), null, null, null, List.of()));
            return fire(PayoutChanged.Step.APPROVED, request);
        }
        if (approvals > 1 && request.firstApprovedBy().equals(caller.auditName())) {
            throw new PayoutApprovalConflictException(caller.auditName());
        }
        // The payout reads the equity the pending tick set, so the log holds that tick before it (§18).
        ticks.storePending(challenge);
        ai.tradesense.domain.rules.Event.Payout payout =
                new ai.tradesense.domain.rules.Event.Payout(request.id(), at, request.amount());
        Evaluation evaluation = challenge.approvePayout(rules, payout, now);
        // In the event log like any applied event, so a replay of the log pays it too (§20.5).
        challenges.add(documents.recorded(challenge, payout, evaluation.outcomes(), now));
        Outcome.PayoutPaid paid = evaluation.outcomes().stream().filter(Outcome.PayoutPaid.class::isInstance)
                .map(Outcome.PayoutPaid.class::cast).findFirst()
                .orElseThrow(() -> new PayoutNotEligibleException(judged));
        request.paid(caller.auditName(), at, paid.traderShare(), paid.firmShare());
        audit.write(challenge, AuditEntry.Kind.PAYOUT_PAID, at, caller.auditName(), new AuditContent.PayoutStep(
                request.id(), paid.amount(), paid.traderShare(), paid.firmShare(), null, evaluation.outcomes()));
        audit.statusChanges(challenge, evaluation, at);
        List<LiveMessage> messages = new ArrayList<>();
        publisher.outcomes(challenge, evaluation, at, now, messages);
        publisher.publish(challenge, rules, now, messages);
        LOG.log(Level.INFO, "{0} paid payout {1} of {2} on challenge {3}",
                new Object[] {caller.auditName(), request.id(), paid.amount(), challenge.id()});
        return fire(PayoutChanged.Step.PAID, request);
    }

    @Override
    public PayoutView reject(Caller caller, String payoutId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw InvalidInputException.of("reason", Kind.VALUE, "a reason of 1 to 500 characters is required");
        }
        PayoutRequest found = payouts.find(payoutId).orElseThrow(() -> new PayoutNotFoundException(payoutId));
        Challenge challenge = challenges.lock(found.challengeId()).orElseThrow();
        PayoutRequest request = payouts.lock(payoutId).orElseThrow(() -> new PayoutNotFoundException(payoutId));
        Instant at = at(challenge);
        request.reject(caller.auditName(), at, reason.strip());
        challenge.payoutPending(rules(challenge), false, clock.instant());
        audit.write(challenge, AuditEntry.Kind.PAYOUT_REJECTED, at, caller.auditName(), new AuditContent.PayoutStep(
                request.id(), request.amount(), null, null, request.reason(), List.of()));
        return fire(PayoutChanged.Step.REJECTED, request);
    }

    @Override
    public List<PayoutTotal> totals(Caller caller) {
        return PayoutTotals.of(payouts.search(null, null, PayoutRequest.Status.PAID, Integer.MAX_VALUE));
    }

    private PayoutView fire(PayoutChanged.Step step, PayoutRequest request) {
        PayoutView view = PayoutView.of(request);
        // The one place payout notifications start: the webhooks, in this transaction, and observers.
        PayoutChanged change = new PayoutChanged(step, view);
        OutboundEvents.payout(change).ifPresent(outbox::record);
        changed.fire(change);
        return view;
    }

    private RuleSet rules(Challenge challenge) {
        return planRules.of(challenge.planCode(), challenge.planVersion());
    }

    /** Now, but never before the account's last event (the platform's clock may run ahead of ours). */
    private Instant at(Challenge challenge) {
        Instant now = clock.instant();
        Instant last = challenge.account().lastEventAt();
        return now.isBefore(last) ? last : now;
    }
}
