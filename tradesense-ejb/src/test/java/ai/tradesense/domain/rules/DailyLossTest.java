package ai.tradesense.domain.rules;

import static ai.tradesense.domain.rules.Plans.amount;
import static ai.tradesense.domain.rules.Plans.evaluation;
import static ai.tradesense.domain.rules.Plans.funded;
import static ai.tradesense.domain.rules.Plans.pct;
import static ai.tradesense.domain.rules.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import ai.tradesense.domain.rules.DailyLossRule.Anchor;
import ai.tradesense.domain.rules.DailyLossRule.Base;
import ai.tradesense.domain.rules.DailyLossRule.Check;
import ai.tradesense.domain.rules.DailyLossRule.OnBreach;
import ai.tradesense.domain.rules.MaxLossRule.Mode;
import org.junit.jupiter.api.Test;

class DailyLossTest {

    private static final String START = "2024-03-04T08:00";

    private static Session fundedWithDaily(Plans.Phase phase) {
        return Session.start(plan("100000").phase(phase), START);
    }

    /** Holds a trade over midnight whose floating P/L leaves equity at {@code equity} at the boundary. */
    private static Session carryOverMidnight(Anchor anchor, Base of, String equity) {
        return fundedWithDaily(funded().dailyLoss(pct("5"), anchor, of, Check.INTRADAY, OnBreach.FAIL))
                .at("2024-03-04T10:00").open("t1")
                .at("2024-03-04T23:00").equity(equity)
                .at("2024-03-05T00:00").clock();
    }

    @Test
    void equityExactlyAtDailyFloorIsNoBreachUnderBelow() {
        Session s = fundedWithDaily(funded().dailyLoss(pct("5")))
                .at("2024-03-04T10:00").open("t1").equity("95000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
    }

    @Test
    void equityOneCentBelowDailyFloorFailsUnderBelow() {
        Session s = fundedWithDaily(funded().dailyLoss(pct("5")))
                .at("2024-03-04T10:00").open("t1").equity("94999.99");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(s.state().failure().rule()).isEqualTo(FailureRule.DAILY_LOSS);
        assertThat(s.state().failure().at()).isEqualTo(s.instant("2024-03-04T10:00"));
    }

    @Test
    void equityExactlyAtDailyFloorFailsUnderAtOrBelow() {
        Session s = Session.start(plan("100000").breachWhen(BreachWhen.AT_OR_BELOW)
                        .phase(funded().dailyLoss(pct("5"))), START)
                .at("2024-03-04T10:00").open("t1").equity("95000.00");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(s.state().failure().floor()).isEqualByComparingTo("95000");
    }

    @Test
    void equityJustAboveDailyFloorIsNoBreachUnderAtOrBelow() {
        Session s = Session.start(plan("100000").breachWhen(BreachWhen.AT_OR_BELOW)
                        .phase(funded().dailyLoss(pct("5"))), START)
                .at("2024-03-04T10:00").open("t1").equity("95000.01");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
    }

    @Test
    void dayStartBalanceAnchorIgnoresFloatingProfitAtTheBoundary() {
        Session s = carryOverMidnight(Anchor.DAY_START_BALANCE, Base.INITIAL, "102000");
        assertThat(s.dailyLossFloor()).isEqualByComparingTo("95000");
    }

    @Test
    void dayStartEquityAnchorTakesFloatingProfitAtTheBoundary() {
        Session s = carryOverMidnight(Anchor.DAY_START_EQUITY, Base.INITIAL, "102000");
        assertThat(s.dailyLossFloor()).isEqualByComparingTo("97000");
    }

    @Test
    void dayStartEquityAnchorFollowsFloatingLossDown() {
        Session s = carryOverMidnight(Anchor.DAY_START_EQUITY, Base.INITIAL, "98000");
        assertThat(s.dailyLossFloor()).isEqualByComparingTo("93000");
    }

    @Test
    void dayStartMaxAnchorTakesTheLargerOfBalanceAndEquity() {
        assertThat(carryOverMidnight(Anchor.DAY_START_MAX, Base.INITIAL, "102000").dailyLossFloor())
                .isEqualByComparingTo("97000");
        assertThat(carryOverMidnight(Anchor.DAY_START_MAX, Base.INITIAL, "98000").dailyLossFloor())
                .isEqualByComparingTo("95000");
    }

    @Test
    void dayPeakEquityAnchorRisesWithTheDaysHighestEquity() {
        Session s = fundedWithDaily(funded().dailyLoss(pct("5"), Anchor.DAY_PEAK_EQUITY))
                .at("2024-03-04T10:00").open("t1").equity("103000").equity("101000");
        assertThat(s.dailyLossFloor()).isEqualByComparingTo("98000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);

        s.equity("97999.99");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(s.state().failure().floor()).isEqualByComparingTo("98000");
    }

    @Test
    void dayPeakEquityStartsAtDayStartEquityAfterTheBoundary() {
        Session s = fundedWithDaily(funded().dailyLoss(pct("5"), Anchor.DAY_PEAK_EQUITY))
                .at("2024-03-04T10:00").open("t1").equity("103000")
                .at("2024-03-04T23:00").equity("101000")
                .at("2024-03-05T00:00").clock();
        assertThat(s.state().dayPeakEquity()).isEqualByComparingTo("101000");
        assertThat(s.dailyLossFloor()).isEqualByComparingTo("96000");
    }

    @Test
    void percentOfAnchorIsTakenOfTheAnchorValue() {
        Session s = carryOverMidnight(Anchor.DAY_START_EQUITY, Base.ANCHOR, "102000");
        assertThat(s.dailyLossFloor()).as("102,000 - 5% of 102,000").isEqualByComparingTo("96900");
    }

    @Test
    void fixedAmountIsSubtractedFromTheAnchor() {
        Session s = fundedWithDaily(funded().dailyLoss(amount("3000"), Anchor.DAY_START_BALANCE))
                .at("2024-03-04T10:00").open("t1").close("t1", "1000");
        assertThat(s.dailyLossFloor()).as("anchor is the day-start balance, not today's").isEqualByComparingTo("97000");
    }

    @Test
    void endOfDayCheckIgnoresAnIntradayDipThatRecovers() {
        Session s = fundedWithDaily(funded().dailyLoss(pct("5"), Anchor.DAY_START_BALANCE, Base.INITIAL,
                        Check.END_OF_DAY, OnBreach.FAIL))
                .at("2024-03-04T10:00").open("t1").equity("90000")
                .at("2024-03-04T22:00").equity("96000")
                .at("2024-03-05T00:00").clock();
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
    }

    @Test
    void endOfDayCheckFailsAtTheBoundaryAgainstTheEndingDaysFloor() {
        Session s = fundedWithDaily(funded().dailyLoss(pct("5"), Anchor.DAY_START_BALANCE, Base.INITIAL,
                        Check.END_OF_DAY, OnBreach.FAIL))
                .at("2024-03-04T10:00").open("t1").open("t2").close("t1", "-3000")
                .at("2024-03-04T23:00").equity("94000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);

        s.at("2024-03-05T09:00").clock();

        assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
        Failure failure = s.state().failure();
        assertThat(failure.rule()).isEqualTo(FailureRule.DAILY_LOSS);
        assertThat(failure.at()).isEqualTo(s.instant("2024-03-05T00:00"));
        assertThat(failure.floor()).as("the ending day's floor, not the new day's 92,000").isEqualByComparingTo("95000");
        assertThat(s.outcomeTypes()).containsExactly(OutcomeType.BREACH, OutcomeType.FAILED);
    }

    @Test
    void pauseBlocksUntilTheNextBoundaryAndThenLifts() {
        Session s = fundedWithDaily(funded().dailyLoss(pct("5"), Anchor.DAY_START_BALANCE, Base.INITIAL,
                        Check.INTRADAY, OnBreach.PAUSE))
                .at("2024-03-04T10:00").open("t1").equity("94000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.PAUSED);
        assertThat(s.state().pausedUntil()).isEqualTo(s.instant("2024-03-05T00:00"));
        assertThat(s.outcomes()).contains(new Outcome.Paused(s.instant("2024-03-05T00:00")));

        s.at("2024-03-04T11:00").close("t1", "-6000");
        assertThat(s.state().status()).as("trading facts still apply while paused").isEqualTo(ChallengeStatus.PAUSED);
        assertThat(s.state().balance()).isEqualByComparingTo("94000");

        s.at("2024-03-05T00:00").clock();
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        assertThat(s.state().pausedUntil()).isNull();
        assertThat(s.outcomes()).containsExactly(new Outcome.DayRolled(s.instant("2024-03-05T00:00")),
                new Outcome.Resumed(s.instant("2024-03-05T00:00")));
        assertThat(s.dailyLossFloor()).isEqualByComparingTo("89000");
    }

    @Test
    void pausedAccountStillFailsOnMaxLoss() {
        Session s = fundedWithDaily(funded().dailyLoss(pct("5"), Anchor.DAY_START_BALANCE, Base.INITIAL,
                        Check.INTRADAY, OnBreach.PAUSE).maxLoss(pct("10")))
                .at("2024-03-04T10:00").open("t1").equity("94000")
                .at("2024-03-04T11:00").equity("89000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(s.state().failure().rule()).isEqualTo(FailureRule.MAX_LOSS);
    }

    @Test
    void pausedAccountDoesNotPass() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("1")).notFlat()
                        .dailyLoss(pct("5"), Anchor.DAY_PEAK_EQUITY, Base.INITIAL, Check.INTRADAY, OnBreach.PAUSE)), START)
                .at("2024-03-04T10:00").open("t1").open("t2").equity("110000").equity("104000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.PAUSED);

        s.close("t1", "2000");
        assertThat(s.state().balance()).isEqualByComparingTo("102000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.PAUSED);

        s.at("2024-03-05T00:00").clock();
        assertThat(s.state().status()).as("passes on the first event after the pause lifts")
                .isEqualTo(ChallengeStatus.PASSED);
    }

    @Test
    void endOfDayPauseBlocksTheWholeNextDay() {
        Session s = fundedWithDaily(funded().dailyLoss(pct("5"), Anchor.DAY_START_EQUITY, Base.INITIAL,
                        Check.END_OF_DAY, OnBreach.PAUSE))
                .at("2024-03-04T10:00").open("t1").equity("94000")
                .at("2024-03-05T00:00").clock();
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.PAUSED);
        assertThat(s.state().pausedUntil()).isEqualTo(s.instant("2024-03-06T00:00"));

        s.at("2024-03-06T00:00").clock();
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
    }

    @Test
    void pauseAtTheResetWhenLossCarriedOverMidnight() {
        Session s = fundedWithDaily(funded().dailyLoss(pct("5"), Anchor.DAY_START_BALANCE, Base.INITIAL,
                        Check.INTRADAY, OnBreach.PAUSE))
                .at("2024-03-04T10:00").open("t1").open("t2").close("t1", "4000")
                .at("2024-03-04T23:00").equity("98000")
                .at("2024-03-05T00:00").clock();
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.PAUSED);
        assertThat(s.state().pausedUntil()).isEqualTo(s.instant("2024-03-06T00:00"));
    }

    @Test
    void failureNamesTheDailyFloorWhenItIsTheHigher() {
        Session s = fundedWithDaily(funded().dailyLoss(pct("5")).maxLoss(pct("10")))
                .at("2024-03-04T10:00").open("t1").close("t1", "4000")
                .at("2024-03-05T10:00").open("t2").equity("89000");
        assertThat(s.state().failure().rule()).isEqualTo(FailureRule.DAILY_LOSS);
        assertThat(s.state().failure().floor()).isEqualByComparingTo("99000");
        assertThat(s.outcomes()).filteredOn(o -> o.type() == OutcomeType.BREACH).hasSize(2);
    }

    @Test
    void failureNamesTheMaxFloorWhenItIsTheHigher() {
        Session s = fundedWithDaily(funded().dailyLoss(pct("5"))
                        .maxLoss(amount("3000"), Mode.TRAILING_INTRADAY_EQUITY))
                .at("2024-03-04T10:00").open("t1").equity("94000");
        assertThat(s.state().failure().rule()).isEqualTo(FailureRule.MAX_LOSS);
        assertThat(s.state().failure().floor()).isEqualByComparingTo("97000");
    }

    @Test
    void floorsResetAtEachBoundaryFromTheClosedBalance() {
        Session s = fundedWithDaily(funded().dailyLoss(pct("5")))
                .at("2024-03-04T10:00").open("t1").close("t1", "-4000")
                .at("2024-03-05T10:00").open("t2").equity("92000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        assertThat(s.dailyLossFloor()).isEqualByComparingTo("91000");
    }
}
