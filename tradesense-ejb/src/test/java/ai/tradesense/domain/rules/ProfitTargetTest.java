package ai.tradesense.domain.rules;

import static ai.tradesense.domain.rules.Plans.amount;
import static ai.tradesense.domain.rules.Plans.evaluation;
import static ai.tradesense.domain.rules.Plans.funded;
import static ai.tradesense.domain.rules.Plans.pct;
import static ai.tradesense.domain.rules.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.tradesense.domain.rules.MaxLossRule.Mode;
import ai.tradesense.domain.rules.Outcome.HoldReason;
import org.junit.jupiter.api.Test;

class ProfitTargetTest {

    private static final String START = "2024-03-04T08:00";

    /** Opens and closes one trade at 10:00 of the given March 2024 day. */
    private static Session tradeOn(Session s, int marchDay, String profit) {
        String id = "d" + marchDay + "-" + s.allOutcomes().size();
        return s.at(String.format("2024-03-%02dT10:00", marchDay)).open(id).close(id, profit);
    }

    @Test
    void passesTheLastPhaseOnTheCloseThatReachesTheTarget() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10"))), START);
        tradeOn(s, 4, "9999.99");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        tradeOn(s, 4, "0.01");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.PASSED);
        assertThat(s.outcomes()).contains(new Outcome.Passed(s.now()));
    }

    @Test
    void fixedAmountTargetIsAddedToTheInitialBalance() {
        Session s = Session.start(plan("100000").phase(evaluation().target(amount("2500"))), START);
        assertThat(s.state().profitTargetBalance(s.rules())).isEqualByComparingTo("102500");
    }

    @Test
    void floatingProfitDoesNotPass() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10")).notFlat()), START)
                .at("2024-03-04T10:00").open("t1").equity("120000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
    }

    @Test
    void passHeldBackByMinTradingDaysIsReleasedOnTheLastDayNeeded() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10")).minTradingDays(3)), START);
        tradeOn(s, 4, "10000");
        assertThat(s.outcomes()).contains(new Outcome.PassHeldBack(HoldReason.MIN_TRADING_DAYS));
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);

        tradeOn(s, 5, "10");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        tradeOn(s, 7, "10");
        assertThat(s.state().tradingDays()).isEqualTo(3);
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.PASSED);
    }

    @Test
    void passHeldBackWhileATradeIsOpenWhenFlatIsRequired() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10"))), START)
                .at("2024-03-04T10:00").open("t1").open("t2").close("t1", "10000");
        assertThat(s.outcomes()).contains(new Outcome.PassHeldBack(HoldReason.NOT_FLAT));

        s.close("t2", "0");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.PASSED);
    }

    @Test
    void passesWithATradeOpenWhenFlatIsNotRequired() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10")).notFlat()), START)
                .at("2024-03-04T10:00").open("t1").open("t2").close("t1", "10000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.PASSED);
    }

    @Test
    void consistencyGateHoldsBackAPassMadeOnOneBigDay() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10")).consistency("50", false)), START);
        tradeOn(s, 4, "6000");
        tradeOn(s, 5, "4000");
        assertThat(s.outcomes()).contains(new Outcome.PassHeldBack(HoldReason.CONSISTENCY));
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);

        tradeOn(s, 6, "2000");
        assertThat(s.state().status()).as("6,000 <= 50% of 12,000").isEqualTo(ChallengeStatus.PASSED);
    }

    @Test
    void strictConsistencyGateNeedsTheBestDayStrictlyBelowTheShare() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10")).consistency("50", true)), START);
        tradeOn(s, 4, "6000");
        tradeOn(s, 5, "4000");
        tradeOn(s, 6, "2000");
        assertThat(s.outcomes()).contains(new Outcome.PassHeldBack(HoldReason.CONSISTENCY));

        tradeOn(s, 7, "0.01");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.PASSED);
    }

    @Test
    void consistencyCountsTodaysClosedProfitAsItStands() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10")).consistency("50", false)), START);
        tradeOn(s, 4, "3000");
        tradeOn(s, 5, "9000");
        assertThat(s.outcomes()).contains(new Outcome.PassHeldBack(HoldReason.CONSISTENCY));
        assertThat(s.state().bestDayProfitSoFar()).isEqualByComparingTo("9000");
    }

    @Test
    void bestDayIsTheDaysFinalClosedProfitNotItsIntradayHigh() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10")).consistency("40", false)), START);
        tradeOn(s, 4, "5000");
        tradeOn(s, 4, "-1000");
        tradeOn(s, 5, "4000");
        tradeOn(s, 6, "2000");
        assertThat(s.state().bestDayProfit()).isEqualByComparingTo("4000");
        assertThat(s.state().status()).as("4,000 <= 40% of 10,000").isEqualTo(ChallengeStatus.PASSED);
    }

    @Test
    void heldBackReasonsComeInOrderFlatThenDaysThenConsistency() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10")).minTradingDays(2)
                .consistency("50", false)), START)
                .at("2024-03-04T10:00").open("t1").open("t2").close("t1", "10000");
        assertThat(s.outcomes()).contains(new Outcome.PassHeldBack(HoldReason.NOT_FLAT));
        s.close("t2", "0");
        assertThat(s.outcomes()).contains(new Outcome.PassHeldBack(HoldReason.MIN_TRADING_DAYS));
        tradeOn(s, 5, "1");
        assertThat(s.outcomes()).contains(new Outcome.PassHeldBack(HoldReason.CONSISTENCY));
    }

    @Test
    void passingMovesToTheNextPhaseWithAFreshAccount() {
        Session s = Session.start(plan("100000")
                .phase(evaluation().target(pct("10")).notFlat().dailyLoss(pct("5"))
                        .maxLoss(pct("10"), Mode.TRAILING_CLOSED_BALANCE))
                .phase(evaluation().target(pct("5")).minTradingDays(2).maxLoss(pct("8"))), START)
                .at("2024-03-04T10:00").open("t0");
        tradeOn(s, 5, "4000");
        tradeOn(s, 6, "6000");

        AccountState state = s.state();
        assertThat(s.outcomes()).contains(new Outcome.PhasePassed(0, 1, s.now()));
        assertThat(state.status()).isEqualTo(ChallengeStatus.ACTIVE);
        assertThat(state.phaseIndex()).isEqualTo(1);
        assertThat(state.phaseStartedAt()).isEqualTo(s.instant("2024-03-06T10:00"));
        assertThat(state.balance()).isEqualByComparingTo("100000");
        assertThat(state.equity()).isEqualByComparingTo("100000");
        assertThat(state.tradingDays()).isZero();
        assertThat(state.lastTradingDay()).isNull();
        assertThat(state.openTrades()).as("the old phase's trades stay with its account").isZero();
        assertThat(state.bestDayProfit()).isEqualByComparingTo("0");
        assertThat(state.currentDayStart()).isEqualTo(s.instant("2024-03-06T00:00"));
        assertThat(state.maxLossFloor()).isEqualByComparingTo("92000");
        assertThat(state.dailyLossFloor(s.rules())).isNull();
        assertThat(state.profitTargetBalance(s.rules())).isEqualByComparingTo("105000");

        tradeOn(s, 6, "5000");
        assertThat(s.outcomes()).contains(new Outcome.PassHeldBack(HoldReason.MIN_TRADING_DAYS));
    }

    @Test
    void reviewHoldsAPassedPhaseUntilStaffApprove() {
        Session s = Session.start(plan("100000")
                .phase(evaluation().target(pct("10")).review())
                .phase(evaluation().target(pct("5"))), START);
        tradeOn(s, 4, "10000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.PENDING_REVIEW);
        assertThat(s.outcomes()).contains(new Outcome.PendingReview(s.now()));

        AccountState pending = s.state();
        s.at("2024-03-05T10:00").open("late");
        assertThat(s.state()).isSameAs(pending);
        assertThat(s.outcomes()).containsExactly(new Outcome.IgnoredFrozen(ChallengeStatus.PENDING_REVIEW));

        s.at("2024-03-06T09:00").approveReview();
        assertThat(s.outcomes()).containsExactly(new Outcome.PhasePassed(0, 1, s.now()));
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        assertThat(s.state().phaseIndex()).isEqualTo(1);
        assertThat(s.state().phaseStartedAt()).isEqualTo(s.instant("2024-03-06T09:00"));
    }

    @Test
    void approvingTheReviewOfTheLastPhasePassesTheChallenge() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10")).review()), START);
        tradeOn(s, 4, "10000");
        s.at("2024-03-05T09:00").approveReview();
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.PASSED);
        assertThat(s.outcomes()).containsExactly(new Outcome.Passed(s.now()));
    }

    @Test
    void approvingAChallengeThatIsNotPendingIsRejected() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10"))), START);
        AccountState before = s.state();
        assertThatThrownBy(s::approveReview).isInstanceOfSatisfying(EventRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(EventRejectedException.Reason.NOT_PENDING_REVIEW));
        assertThat(s.state()).isSameAs(before);
    }

    @Test
    void approvingBeforeTheLastEventIsRejected() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10")).review()), START);
        tradeOn(s, 4, "10000");
        AccountState pending = s.state();
        s.at("2024-03-04T09:00");
        assertThatThrownBy(s::approveReview).isInstanceOfSatisfying(EventRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(EventRejectedException.Reason.OUT_OF_ORDER));
        assertThat(s.state()).isSameAs(pending);
    }

    @Test
    void passedChallengeIsFrozen() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10"))), START);
        tradeOn(s, 4, "10000");
        AccountState passed = s.state();
        s.at("2024-03-09T10:00").equity("1").clock();
        assertThat(s.state()).isSameAs(passed);
        assertThat(s.outcomes()).containsExactly(new Outcome.IgnoredFrozen(ChallengeStatus.PASSED));
    }

    @Test
    void fundedPhaseNeverPasses() {
        Session s = Session.start(plan("100000").phase(funded().target(pct("1"))), START);
        tradeOn(s, 4, "50000");
        tradeOn(s, 5, "50000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        assertThat(s.state().profitTargetBalance(s.rules())).isNull();
        assertThat(s.allOutcomes()).noneMatch(o -> o.type() == OutcomeType.PASS_HELD_BACK);
    }

    @Test
    void evaluationPhaseWithoutTargetNeverPasses() {
        Session s = Session.start(plan("100000").phase(evaluation()), START);
        tradeOn(s, 4, "50000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
    }
}
