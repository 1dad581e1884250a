package ai.tradesense.application.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.tradesense.application.challenge.AppliedEvent;
import ai.tradesense.application.challenge.ChallengeChanged;
import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.application.risk.AlertView;
import ai.tradesense.domain.model.alert.Alert;
import ai.tradesense.domain.model.alert.AlertData;
import ai.tradesense.application.payout.PayoutChanged;
import ai.tradesense.application.payout.PayoutView;
import ai.tradesense.domain.model.payout.PayoutRequest;
import ai.tradesense.domain.rules.ConductRule;
import ai.tradesense.domain.rules.FailureRule;
import ai.tradesense.domain.rules.OnViolation;
import ai.tradesense.domain.rules.Outcome;

class OutboundEventsTest {

    private static final String ID = "c-1";
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    private static ChallengeChanged change(LiveMessage... messages) {
        return new ChallengeChanged(ID, "trader-1", "two-step-100k", List.of(messages));
    }

    private static LiveMessage.EventApplied applied(long seq, Outcome... outcomes) {
        return new LiveMessage.EventApplied(ID, seq, AT, new AppliedEvent(seq, "EQUITY", null, AT, List.of(outcomes), false));
    }

    private static List<WebhookType> types(OutboundEvents.Planned planned) {
        return planned.notices().stream().map(Notice::type).toList();
    }

    @Test
    void failureByAnyRuleIsAWebhookAndACommandToCloseAllAndDisable() {
        Outcome breach = new Outcome.Breach(FailureRule.MAX_LOSS, new BigDecimal("90000"), new BigDecimal("89000"), AT);
        Outcome failed = new Outcome.Failed(FailureRule.MAX_LOSS, AT, new BigDecimal("90000"), new BigDecimal("89000"));
        OutboundEvents.Planned planned = OutboundEvents.of(change(applied(7, breach, failed),
                new LiveMessage.OutcomeReported(ID, 7, AT, breach), new LiveMessage.OutcomeReported(ID, 7, AT, failed)));

        assertThat(types(planned)).containsExactly(WebhookType.CHALLENGE_FAILED);
        Notice.Changed body = (Notice.Changed) planned.notices().get(0).body();
        assertThat(body.seq()).isEqualTo(7);
        assertThat(body.outcome()).isEqualTo(failed);
        assertThat(planned.commands()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CommandKind.CLOSE_ALL_AND_DISABLE);
            assertThat(c.reason()).isEqualTo("MAX_LOSS");
            assertThat(c.until()).isNull();
            assertThat(c.challengeId()).isEqualTo(ID);
        });
    }

    @Test
    void manualFailureNamesTheManualRule() {
        Outcome failed = new Outcome.Failed(FailureRule.MANUAL, AT, null, new BigDecimal("100000"));
        OutboundEvents.Planned planned = OutboundEvents.of(change(new LiveMessage.OutcomeReported(ID, 3, AT, failed)));
        assertThat(planned.commands()).extracting(CommandOrder::reason).containsExactly("MANUAL");
        assertThat(types(planned)).containsExactly(WebhookType.CHALLENGE_FAILED);
    }

    @Test
    void dailyLossPauseSuspendsUntilTheEndOfThePauseNamingTheRule() {
        Instant until = Instant.parse("2026-03-02T22:00:00Z");
        Outcome breach = new Outcome.Breach(FailureRule.DAILY_LOSS, new BigDecimal("95000"), new BigDecimal("94900"), AT);
        OutboundEvents.Planned planned = OutboundEvents.of(change(applied(4, breach, new Outcome.Paused(until))));

        assertThat(types(planned)).containsExactly(WebhookType.CHALLENGE_PAUSED);
        assertThat(planned.commands()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CommandKind.CLOSE_ALL_AND_SUSPEND);
            assertThat(c.until()).isEqualTo(until);
            assertThat(c.reason()).isEqualTo("DAILY_LOSS");
        });
    }

    @Test
    void manualPauseIsASuspensionForTheManualReason() {
        Instant until = Instant.parse("2026-03-03T00:00:00Z");
        OutboundEvents.Planned planned = OutboundEvents.of(change(
                new LiveMessage.OutcomeReported(ID, 2, AT, new Outcome.Paused(until))));
        assertThat(planned.commands()).extracting(CommandOrder::kind, CommandOrder::until, CommandOrder::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CommandKind.CLOSE_ALL_AND_SUSPEND, until, "MANUAL"));
    }

    @Test
    void passesResumesAndPhasesAreWebhooksWithoutCommands() {
        OutboundEvents.Planned planned = OutboundEvents.of(change(
                applied(9, new Outcome.PhasePassed(0, 1, AT)),
                applied(12, new Outcome.Passed(AT)),
                new LiveMessage.OutcomeReported(ID, 13, AT, new Outcome.Resumed(AT))));
        assertThat(types(planned)).containsExactly(WebhookType.CHALLENGE_PHASE_PASSED, WebhookType.CHALLENGE_PASSED,
                WebhookType.CHALLENGE_RESUMED);
        assertThat(planned.commands()).isEmpty();
    }

    @Test
    void outcomesThatChangeNoStatusSendNothing() {
        OutboundEvents.Planned planned = OutboundEvents.of(change(applied(5, new Outcome.DayRolled(AT),
                new Outcome.PassHeldBack(Outcome.HoldReason.NOT_FLAT))));
        assertThat(planned.isEmpty()).isTrue();
    }

    @Test
    void anAlertRaisedIsAWebhookAndAnAcknowledgementIsNot() {
        AlertData data = new AlertData(new AlertData.Failed(FailureRule.MAX_LOSS, AT, null, BigDecimal.TEN), "trader-1",
                "two-step-100k");
        AlertView raised = new AlertView("a-1", ID, "trader-1", "two-step-100k", "FAILED", Alert.Severity.CRITICAL,
                "failed", data, AT, null, null, null);
        AlertView acknowledged = new AlertView("a-1", ID, "trader-1", "two-step-100k", "FAILED",
                Alert.Severity.CRITICAL, "failed", data, AT, AT.plusSeconds(60), "risk:x", "seen");

        assertThat(types(OutboundEvents.of(change(new LiveMessage.Alert(ID, 1, AT, raised)))))
                .containsExactly(WebhookType.ALERT_RAISED);
        assertThat(OutboundEvents.of(change(new LiveMessage.Alert(ID, 1, AT, acknowledged))).isEmpty()).isTrue();
    }

    @Test
    void everyTypeHasAnAiTradesenseCloudEventTypeAndIsFoundByName() {
        for (WebhookType type : WebhookType.values()) {
            assertThat(type.cloudEventType()).isEqualTo("ai.tradesense." + type.wireName());
            assertThat(WebhookType.named(type.wireName())).contains(type);
        }
        assertThat(WebhookType.named("challenge.exploded")).isEmpty();
    }

    @Test
    void conductViolationIsAWebhookAndAConductPauseSuspendsNamingTheRule() {
        Instant until = Instant.parse("2026-03-03T00:00:00Z");
        Outcome violation = new Outcome.ConductViolation(ConductRule.MAX_OPEN_LOTS, "t-9", OnViolation.PAUSE);
        OutboundEvents.Planned planned = OutboundEvents.of(change(applied(5, violation, new Outcome.Paused(until))));

        assertThat(types(planned)).containsExactly(WebhookType.CONDUCT_VIOLATION, WebhookType.CHALLENGE_PAUSED);
        assertThat(planned.commands()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CommandKind.CLOSE_ALL_AND_SUSPEND);
            assertThat(c.reason()).isEqualTo("MAX_OPEN_LOTS");
            assertThat(c.until()).isEqualTo(until);
        });
    }

    @Test
    void aPaidOutcomeSendsNothingOfItsOwnThePayoutStepsDo() {
        Outcome paid = new Outcome.PayoutPaid(new BigDecimal("1000"), new BigDecimal("800"), new BigDecimal("200"));
        assertThat(OutboundEvents.of(change(new LiveMessage.OutcomeReported(ID, 3, AT, paid))).isEmpty()).isTrue();

        PayoutView requested = payout(PayoutRequest.Status.PENDING, null);
        PayoutView done = payout(PayoutRequest.Status.PAID, AT.plusSeconds(60));
        assertThat(OutboundEvents.payout(new PayoutChanged(PayoutChanged.Step.REQUESTED, requested)))
                .hasValueSatisfying(n -> {
                    assertThat(n.type()).isEqualTo(WebhookType.PAYOUT_REQUESTED);
                    assertThat(n.at()).isEqualTo(AT);
                    assertThat(n.challengeId()).isEqualTo(ID);
                });
        assertThat(OutboundEvents.payout(new PayoutChanged(PayoutChanged.Step.PAID, done)))
                .hasValueSatisfying(n -> {
                    assertThat(n.type()).isEqualTo(WebhookType.PAYOUT_PAID);
                    assertThat(n.at()).isEqualTo(AT.plusSeconds(60));
                });
        assertThat(OutboundEvents.payout(new PayoutChanged(PayoutChanged.Step.APPROVED, requested))).isEmpty();
        assertThat(OutboundEvents.payout(new PayoutChanged(PayoutChanged.Step.REJECTED, requested))).isEmpty();
    }

    private static PayoutView payout(PayoutRequest.Status status, Instant paidAt) {
        return new PayoutView("p-1", ID, "trader-1", "ftmo-model-100k", 1, "USD", new BigDecimal("1000"),
                paidAt == null ? null : new BigDecimal("800"), paidAt == null ? null : new BigDecimal("200"), status,
                AT, "trader-1", null, null, paidAt, paidAt == null ? null : "risk-1", null, paidAt);
    }
}
