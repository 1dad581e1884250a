package ai.tradesense.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.InvalidInputException.Violation;
import ai.tradesense.domain.rules.Allowance;
import ai.tradesense.domain.rules.PayoutPolicy;
import ai.tradesense.domain.rules.PhaseRules;
import ai.tradesense.domain.rules.RuleSet;
import ai.tradesense.domain.rules.ScalingPolicy;

/** The payout and scaling blocks of DESIGN §3c in the plan document: strict reading, defaults written out. */
class FundedDocumentTest {

    private static JsonObject plan(String phase) {
        return StrictJson.parse(("{'code': 'funded-100k', 'initialBalance': 100000,"
                + " 'dayBoundary': {'zone': 'Europe/Prague', 'time': '00:00'}, 'phases': [" + phase + "]}")
                .replace('\'', '"')).asJsonObject();
    }

    private static InvalidInputException rejection(JsonObject document) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> PlanDocument.read(document, true));
        assertThat(e).as("read must reject the document").isNotNull();
        return e;
    }

    @Test
    void aMinimalPayoutBlockGetsEveryDefaultAndIsWrittenBackInFull() {
        RuleSet rules = PlanDocument.read(plan("{'kind': 'FUNDED', 'payout': {'split': {'pct': 80}}}"), true);

        PayoutPolicy payout = rules.phase(0).payout();
        assertThat(payout).isEqualTo(new PayoutPolicy(new BigDecimal("80"), 14, 14, 0, null, null, BigDecimal.ZERO,
                null, null, true, PayoutPolicy.AfterPayout.KEEP_FLOORS));
        JsonObject written = PlanDocument.write(rules).getJsonArray("phases").getJsonObject(0).getJsonObject("payout");
        assertThat(written.toString()).isEqualTo("{\"split\":{\"pct\":80},\"firstAfterDays\":14,\"everyDays\":14,"
                + "\"minTradingDays\":0,\"winningDays\":null,\"consistency\":null,\"minAmount\":0,\"maxAmount\":null,"
                + "\"buffer\":null,\"requireFlat\":true,\"afterPayout\":\"KEEP_FLOORS\"}");
        assertThat(PlanDocument.read(PlanDocument.write(rules), true)).isEqualTo(rules);
    }

    @Test
    void everyFieldIsReadAndTheWrittenDocumentReadsBackTheSame() {
        RuleSet rules = PlanDocument.read(plan("{'kind': 'FUNDED', 'maxLoss': {'amount': 2500, 'mode': "
                + "'TRAILING_EOD_BALANCE'}, 'payout': {'split': {'pct': 90}, 'firstAfterDays': 0, 'everyDays': 7,"
                + " 'minTradingDays': 5, 'winningDays': {'count': 5, 'minProfit': 200}, 'consistency': "
                + "{'maxBestDayPct': 40}, 'minAmount': 100, 'maxAmount': {'pct': 50}, 'buffer': {'amount': 2600},"
                + " 'requireFlat': false, 'afterPayout': 'LOCK_FLOOR_AT_INITIAL'}, 'scaling': {'everyDays': 120,"
                + " 'minProfitPct': 10, 'minPayouts': 2, 'increasePct': 25, 'maxBalance': 2000000, 'splitPct': 90}}"),
                true);

        PhaseRules phase = rules.phase(0);
        assertThat(phase.payout().winningDays()).isEqualTo(new PayoutPolicy.WinningDays(5, new BigDecimal("200")));
        assertThat(phase.payout().maxAmount()).isEqualTo(new Allowance.Percent(new BigDecimal("50")));
        assertThat(phase.payout().buffer()).isEqualByComparingTo("2600");
        assertThat(phase.payout().afterPayout()).isEqualTo(PayoutPolicy.AfterPayout.LOCK_FLOOR_AT_INITIAL);
        assertThat(phase.scaling()).isEqualTo(new ScalingPolicy(120, new BigDecimal("10"), 2, new BigDecimal("25"),
                new BigDecimal("2000000"), new BigDecimal("90")));
        assertThat(PlanDocument.read(PlanDocument.write(rules), true)).isEqualTo(rules);
    }

    @Test
    void aPhaseWithoutTheBlocksWritesNeitherField() {
        RuleSet rules = PlanDocument.read(plan("{'kind': 'FUNDED'}"), true);
        JsonObject written = PlanDocument.write(rules).getJsonArray("phases").getJsonObject(0);
        assertThat(written.containsKey("payout")).isFalse();
        assertThat(written.containsKey("scaling")).isFalse();
    }

    @Test
    void payoutAndScalingAreRefusedOutsideAFundedPhase() {
        InvalidInputException e = rejection(plan("{'profitTarget': {'pct': 8}, 'payout': {'split': {'pct': 80}},"
                + " 'scaling': {'everyDays': 30}}"));
        assertThat(e.violations()).extracting(Violation::path, Violation::message).containsExactly(
                tuple("phases[0].payout", "is allowed only in a FUNDED phase"),
                tuple("phases[0].scaling", "is allowed only in a FUNDED phase"));
    }

    @Test
    void unknownFieldsWrongTypesAndBadValuesAreNamedByTheirPaths() {
        InvalidInputException e = rejection(plan("{'kind': 'FUNDED', 'payout': {'split': {'pct': 120},"
                + " 'everyDays': 'often', 'winningDays': {'count': 0, 'minProfit': -1}, 'tip': 1,"
                + " 'afterPayout': 'SOMETIMES', 'maxAmount': {'pct': 10, 'amount': 5}}}"));
        assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                "phases[0].payout.tip", "phases[0].payout.split.pct", "phases[0].payout.everyDays",
                "phases[0].payout.winningDays.count", "phases[0].payout.winningDays.minProfit",
                "phases[0].payout.afterPayout", "phases[0].payout.maxAmount.amount");
        assertThat(e.violations()).filteredOn(v -> v.path().equals("phases[0].payout.everyDays"))
                .extracting(Violation::kind).containsExactly(Kind.TYPE);
    }

    @Test
    void theSplitIsRequiredAndEveryScalingFieldToo() {
        InvalidInputException e = rejection(plan("{'kind': 'FUNDED', 'payout': {}, 'scaling': {'everyDays': 30}}"));
        assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                "phases[0].payout.split", "phases[0].scaling.minProfitPct", "phases[0].scaling.minPayouts",
                "phases[0].scaling.increasePct", "phases[0].scaling.maxBalance", "phases[0].scaling.splitPct");
    }

    @Test
    void resetBalanceTakesNeitherABufferNorACap() {
        InvalidInputException e = rejection(plan("{'kind': 'FUNDED', 'payout': {'split': {'pct': 80},"
                + " 'afterPayout': 'RESET_BALANCE', 'buffer': {'amount': 100}, 'maxAmount': {'amount': 5000}}}"));
        assertThat(e.violations()).extracting(Violation::path).containsExactly("phases[0].payout.buffer",
                "phases[0].payout.maxAmount");
    }

    @Test
    void theMaximumBalanceIsAtLeastTheInitialBalance() {
        InvalidInputException e = rejection(plan("{'kind': 'FUNDED', 'scaling': {'everyDays': 30, 'minProfitPct':"
                + " 10, 'minPayouts': 0, 'increasePct': 25, 'maxBalance': 99999.99, 'splitPct': 90}}"));
        assertThat(e.violations()).extracting(Violation::path).containsExactly("phases[0].scaling.maxBalance");
    }
}
