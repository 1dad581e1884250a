package ai.tradesense.domain.rules;

import static ai.tradesense.domain.rules.Plans.amount;
import static ai.tradesense.domain.rules.Plans.evaluation;
import static ai.tradesense.domain.rules.Plans.funded;
import static ai.tradesense.domain.rules.Plans.pct;
import static ai.tradesense.domain.rules.Plans.plan;
import static ai.tradesense.domain.rules.Session.money;
import static org.assertj.core.api.Assertions.assertThat;

import ai.tradesense.domain.rules.MaxLossRule.Lock;
import ai.tradesense.domain.rules.MaxLossRule.Mode;
import org.junit.jupiter.api.Test;

/** The worked examples of DESIGN §3, one test each. */
class WorkedExamplesTest {

    @Test
    void failsAtResetWhenLossCarriedOverMidnight() {
        Session s = Session.start(plan("200000").phase(funded().dailyLoss(pct("5"))), "2024-03-04T08:00")
                .at("2024-03-04T09:00").open("t1").open("t2")
                .at("2024-03-04T12:00").close("t1", "4000")
                .at("2024-03-04T23:59").equity("191000");

        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        assertThat(s.state().balance()).isEqualByComparingTo("204000");
        assertThat(s.dailyLossFloor()).isEqualByComparingTo("190000");

        s.at("2024-03-05T00:00").clock();

        assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
        Failure failure = s.state().failure();
        assertThat(failure.rule()).isEqualTo(FailureRule.DAILY_LOSS);
        assertThat(failure.at()).isEqualTo(s.instant("2024-03-05T00:00"));
        assertThat(failure.floor()).isEqualByComparingTo("194000");
        assertThat(failure.equity()).isEqualByComparingTo("191000");
        assertThat(s.outcomeTypes()).containsExactly(OutcomeType.DAY_ROLLED, OutcomeType.BREACH, OutcomeType.FAILED);
    }

    @Test
    void failsOnStaticMaxLossOneCentBelowTheFloor() {
        Session s = Session.start(plan("100000").phase(funded().maxLoss(pct("10"))), "2024-03-04T08:00")
                .at("2024-03-04T09:00").open("t1")
                .at("2024-03-04T10:00").close("t1", "-8000")
                .open("t2")
                .equity("89999");

        assertThat(s.state().balance()).isEqualByComparingTo("92000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(s.state().failure().rule()).isEqualTo(FailureRule.MAX_LOSS);
        assertThat(s.state().failure().floor()).isEqualByComparingTo("90000");
    }

    @Test
    void equityExactlyAtStaticFloorIsNoBreachUnderBelow() {
        Session s = Session.start(plan("100000").phase(funded().maxLoss(pct("10"))), "2024-03-04T08:00")
                .at("2024-03-04T09:00").open("t1")
                .at("2024-03-04T10:00").close("t1", "-8000")
                .open("t2")
                .equity("90000.00");

        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        assertThat(s.outcomeTypes()).doesNotContain(OutcomeType.BREACH);
    }

    @Test
    void trailingEndOfDayFloorRisesOnlyAtBoundariesAndLocksAtInitial() {
        Session s = Session.start(plan("50000")
                        .phase(funded().maxLoss(amount("2000"), Mode.TRAILING_EOD_BALANCE, new Lock.AtInitial())),
                "2024-03-04T08:00");
        assertThat(s.maxLossFloor()).isEqualByComparingTo("48000");

        s.at("2024-03-04T10:00").open("t1").close("t1", "500");
        assertThat(s.maxLossFloor()).as("a close during the day does not move it").isEqualByComparingTo("48000");
        s.at("2024-03-05T00:00").clock();
        assertThat(s.maxLossFloor()).isEqualByComparingTo("48500");

        s.at("2024-03-05T10:00").open("t2").close("t2", "-500");
        s.at("2024-03-06T00:00").clock();
        assertThat(s.state().balance()).isEqualByComparingTo("50000");
        assertThat(s.maxLossFloor()).isEqualByComparingTo("48500");

        s.at("2024-03-06T10:00").open("t3").close("t3", "2500");
        s.at("2024-03-07T00:00").clock();
        assertThat(s.state().balance()).isEqualByComparingTo("52500");
        assertThat(s.maxLossFloor()).isEqualByComparingTo("50000");

        s.at("2024-03-07T10:00").open("t4").close("t4", "3000");
        s.at("2024-03-08T00:00").clock();
        assertThat(s.state().balance()).isEqualByComparingTo("55500");
        assertThat(s.maxLossFloor()).as("locked at the initial balance").isEqualByComparingTo("50000");
    }

    @Test
    void trailingIntradayEquityFloorFollowsFloatingPeak() {
        Session s = Session.start(plan("50000")
                        .phase(funded().maxLoss(amount("2500"), Mode.TRAILING_INTRADAY_EQUITY)),
                "2024-03-04T08:00")
                .at("2024-03-04T09:00").open("t1")
                .at("2024-03-04T09:30").close("t1", "500");
        assertThat(s.maxLossFloor()).isEqualByComparingTo("48000");

        s.at("2024-03-04T10:00").open("t2")
                .at("2024-03-04T10:30").equity("50875")
                .at("2024-03-04T11:00").equity("50300")
                .at("2024-03-04T11:30").close("t2", "-400");

        assertThat(s.state().balance()).isEqualByComparingTo("50100");
        assertThat(s.state().equity()).isEqualByComparingTo("50100");
        assertThat(s.maxLossFloor()).isEqualByComparingTo("48375");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        assertThat(money("48375")).isEqualByComparingTo(s.state().maxLossReference().subtract(money("2500")));
    }

    @Test
    void theDesignsTwoStepPlanRunsFromChallengeToFunded() {
        Session s = Session.start(plan("100000")
                .phase(evaluation().named("Challenge").target(pct("10")).minTradingDays(4).inactivityDays(30)
                        .dailyLoss(pct("5")).maxLoss(pct("10")))
                .phase(evaluation().named("Verification").target(pct("5")).minTradingDays(4)
                        .dailyLoss(pct("5")).maxLoss(pct("10")))
                .phase(funded().named("Funded").dailyLoss(pct("5")).maxLoss(pct("10"))), "2024-03-04T08:00");

        for (int day = 4; day <= 7; day++) {
            s.at("2024-03-0" + day + "T10:00").open("c" + day).close("c" + day, "2500");
        }
        assertThat(s.state().phaseIndex()).isEqualTo(1);
        for (int day = 11; day <= 14; day++) {
            s.at("2024-03-" + day + "T10:00").open("v" + day).close("v" + day, "1250");
        }
        assertThat(s.state().phaseIndex()).isEqualTo(2);
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        assertThat(s.state().profitTargetBalance(s.rules())).isNull();
    }
}
