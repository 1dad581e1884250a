package ai.tradesense.domain.rules;

import static ai.tradesense.domain.rules.Plans.amount;
import static ai.tradesense.domain.rules.Plans.evaluation;
import static ai.tradesense.domain.rules.Plans.funded;
import static ai.tradesense.domain.rules.Plans.pct;
import static ai.tradesense.domain.rules.Plans.plan;
import static ai.tradesense.domain.rules.Policies.payout;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import ai.tradesense.domain.rules.MaxLossRule.Mode;
import ai.tradesense.domain.rules.PayoutPolicy.AfterPayout;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The payout conditions, caps and modes of docs/rules.md §20, each at its limit and one step past it. */
class PayoutTest {

    private static final String START = "2030-03-04T09:00";

    static Session fundedWith(Policies policy) {
        return Session.start(plan("100000").phase(funded().dailyLoss(pct("5")).maxLoss(pct("10"))
                .payout(policy.build())), START);
    }

    static Session trade(Session s, String day, String id, String profit) {
        return s.at(day + "T10:00").open(id).at(day + "T11:00").close(id, profit);
    }

    static List<PayoutCondition> unmet(PayoutEligibility e) {
        return e.unmet().stream().map(PayoutEligibility.Check::condition).toList();
    }

    static String message(PayoutEligibility e, PayoutCondition condition) {
        return e.checks().stream().filter(c -> c.condition() == condition).findFirst().orElseThrow().message();
    }

    @Nested
    class Conditions {

        @Test
        void firstPayoutIsAllowedExactlyFourteenDaysAfterThePhaseStartAndNotOneSecondBefore() {
            Session s = trade(fundedWith(payout("80")), "2030-03-05", "t1", "1000");
            s.atInstant(s.instant(START).plus(Duration.ofDays(14)).minusSeconds(1));
            PayoutEligibility early = s.eligibility("500");
            assertThat(unmet(early)).containsExactly(PayoutCondition.FIRST_AFTER_DAYS);
            assertThat(message(early, PayoutCondition.FIRST_AFTER_DAYS)).startsWith("13 of 14 days");

            s.atInstant(s.instant(START).plus(Duration.ofDays(14)));
            assertThat(s.eligibility("500").eligible()).isTrue();
        }

        @Test
        void nextPayoutWaitsEveryDaysAfterThePaidOne() {
            Session s = trade(fundedWith(payout("80").firstAfter(0).every(7)), "2030-03-05", "t1", "1000");
            s.at("2030-03-05T12:00").payout("300");
            assertThat(s.outcomeTypes()).contains(OutcomeType.PAYOUT_PAID);

            s.atInstant(s.instant("2030-03-12T12:00").minusSeconds(1));
            assertThat(unmet(s.eligibility("100"))).containsExactly(PayoutCondition.EVERY_DAYS);
            s.at("2030-03-12T12:00");
            assertThat(s.eligibility("100").eligible()).isTrue();
        }

        @Test
        void minTradingDaysCountsTradingDaysSinceTheLastPayout() {
            Session s = fundedWith(payout("80").firstAfter(0).every(0).minTradingDays(2));
            trade(s, "2030-03-05", "t1", "500");
            PayoutEligibility one = s.eligibility("100");
            assertThat(unmet(one)).containsExactly(PayoutCondition.MIN_TRADING_DAYS);
            assertThat(message(one, PayoutCondition.MIN_TRADING_DAYS))
                    .isEqualTo("1 of 2 trading days since the funded phase started");
            trade(s, "2030-03-06", "t2", "500");
            assertThat(s.eligibility("100").eligible()).isTrue();

            s.at("2030-03-06T12:00").payout("100");
            trade(s, "2030-03-07", "t3", "500");
            assertThat(message(s.eligibility("100"), PayoutCondition.MIN_TRADING_DAYS))
                    .isEqualTo("1 of 2 trading days since the last payout");
        }

        @Test
        void winningDaysNeedAtLeastTheMinimumProfitEach() {
            Session s = fundedWith(payout("80").firstAfter(0).every(0).winningDays(3, "200"));
            trade(s, "2030-03-04", "t1", "200");
            trade(s, "2030-03-05", "t2", "199.99");
            trade(s, "2030-03-06", "t3", "250");
            s.at("2030-03-07T09:00").clock();
            PayoutEligibility two = s.eligibility("100");
            assertThat(unmet(two)).containsExactly(PayoutCondition.WINNING_DAYS);
            assertThat(message(two, PayoutCondition.WINNING_DAYS))
                    .isEqualTo("2 of 3 winning days of at least 200.00 since the funded phase started");

            trade(s, "2030-03-07", "t4", "200");
            assertThat(s.eligibility("100").eligible()).isTrue();
        }

        @Test
        void winningDaysRestartAfterAPayoutAndTheDayOfThePayoutCountsOnlyItsLaterProfit() {
            Session s = fundedWith(payout("80").firstAfter(0).every(0).winningDays(1, "200"));
            trade(s, "2030-03-04", "t1", "300");
            s.at("2030-03-04T12:00").payout("100");
            assertThat(unmet(s.eligibility("50"))).containsExactly(PayoutCondition.WINNING_DAYS);
            s.at("2030-03-04T13:00").open("t2").at("2030-03-04T14:00").close("t2", "199.99");
            s.at("2030-03-05T09:00").clock();
            assertThat(unmet(s.eligibility("50"))).containsExactly(PayoutCondition.WINNING_DAYS);
            trade(s, "2030-03-05", "t3", "200");
            assertThat(s.eligibility("50").eligible()).isTrue();
        }

        @Test
        void consistencyHoldsAtTheLimitAndRefusesOneCentAbove() {
            Session s = fundedWith(payout("80").firstAfter(0).every(0).consistency("40"));
            trade(s, "2030-03-04", "t1", "400");
            trade(s, "2030-03-05", "t2", "300");
            trade(s, "2030-03-06", "t3", "300");
            assertThat(s.eligibility("100").eligible()).isTrue();

            Session t = fundedWith(payout("80").firstAfter(0).every(0).consistency("40"));
            trade(t, "2030-03-04", "t1", "400.01");
            trade(t, "2030-03-05", "t2", "300");
            trade(t, "2030-03-06", "t3", "299.99");
            PayoutEligibility e = t.eligibility("100");
            assertThat(unmet(e)).containsExactly(PayoutCondition.CONSISTENCY);
            assertThat(message(e, PayoutCondition.CONSISTENCY)).contains("400.01").contains("at most 400.00");
        }

        @Test
        void minAmountIsTheSmallestRequest() {
            Session s = trade(fundedWith(payout("80").firstAfter(0).minAmount("100")), "2030-03-04", "t1", "500");
            assertThat(s.eligibility("100").eligible()).isTrue();
            PayoutEligibility small = s.eligibility("99.99");
            assertThat(unmet(small)).containsExactly(PayoutCondition.MIN_AMOUNT);
            assertThat(message(small, PayoutCondition.MIN_AMOUNT))
                    .isEqualTo("amount 99.99 is below the minimum 100.00");
        }

        @Test
        void requestNeedsNoOpenTradeUnlessThePolicySaysOtherwise() {
            Session s = trade(fundedWith(payout("80").firstAfter(0)), "2030-03-04", "t1", "500");
            s.at("2030-03-04T12:00").open("t2");
            PayoutEligibility open = s.eligibility("100");
            assertThat(unmet(open)).containsExactly(PayoutCondition.NOT_FLAT);
            assertThat(message(open, PayoutCondition.NOT_FLAT)).isEqualTo("1 trade is open");

            Session t = trade(fundedWith(payout("80").firstAfter(0).notFlat()), "2030-03-04", "t1", "500");
            t.at("2030-03-04T12:00").open("t2");
            assertThat(t.eligibility("100").eligible()).isTrue();
        }

        @Test
        void aPendingRequestBlocksAnotherButNotItsOwnApproval() {
            Session s = trade(fundedWith(payout("80").firstAfter(0)), "2030-03-04", "t1", "500");
            AccountState pending = s.state().withPayoutPending(true);
            PayoutEligibility second = Evaluator.payoutEligibility(s.rules(), pending, s.now(), money("100"));
            assertThat(unmet(second)).containsExactly(PayoutCondition.PENDING);

            Evaluation approved = Evaluator.approvePayout(s.rules(), pending,
                    new Event.Payout("req-1", s.now(), money("100")));
            assertThat(approved.has(OutcomeType.PAYOUT_PAID)).isTrue();
            assertThat(approved.state().funded().pendingRequest()).isFalse();
        }

        @Test
        void anEvaluationPhaseIsNotFundedAndNamesOnlyThat() {
            Session s = Session.start(plan("100000").phase(evaluation().target(pct("10"))), START);
            PayoutEligibility e = s.eligibility("100");
            assertThat(unmet(e)).containsExactly(PayoutCondition.NOT_FUNDED);
            assertThat(e.withdrawable()).isEqualByComparingTo("0");
            assertThat(s.payout("100").outcomes()).containsExactly(
                    new Outcome.PayoutRefused(List.of("NOT_FUNDED"), List.of(e.unmet().get(0).message())));
        }

        @Test
        void aRefusalNamesEveryUnmetConditionAndChangesNothing() {
            Session s = fundedWith(payout("80").winningDays(5, "200").minAmount("100"));
            trade(s, "2030-03-04", "t1", "300");
            s.at("2030-03-04T12:00").open("t2");
            AccountState before = s.state();
            s.at("2030-03-04T13:00").payout("50");
            Outcome.PayoutRefused refused = (Outcome.PayoutRefused) s.outcomes().get(0);
            assertThat(refused.conditions()).containsExactly("FIRST_AFTER_DAYS", "WINNING_DAYS", "MIN_AMOUNT",
                    "NOT_FLAT");
            assertThat(refused.messages().get(1)).isEqualTo("1 of 5 winning days of at least 200.00 since the funded phase started");
            assertThat(s.state().balance()).isEqualByComparingTo(before.balance());
            assertThat(s.state().funded()).isEqualTo(before.funded());
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        }
    }

    @Nested
    class Caps {

        @Test
        void theWithdrawableIsTheProfitAboveTheInitialBalance() {
            Session s = trade(fundedWith(payout("80").firstAfter(0)), "2030-03-04", "t1", "1500");
            assertThat(s.eligibility(null).withdrawable()).isEqualByComparingTo("1500");
            assertThat(s.eligibility("1500").eligible()).isTrue();
            PayoutEligibility over = s.eligibility("1500.01");
            assertThat(unmet(over)).containsExactly(PayoutCondition.WITHDRAWABLE);
            assertThat(message(over, PayoutCondition.WITHDRAWABLE))
                    .isEqualTo("amount 1500.01 exceeds the withdrawable 1500.00");
        }

        @Test
        void onlyProfitAboveTheBufferIsWithdrawable() {
            Session s = trade(fundedWith(payout("80").firstAfter(0).buffer("1000")), "2030-03-04", "t1", "1500");
            assertThat(s.eligibility(null).withdrawable()).isEqualByComparingTo("500");
            assertThat(unmet(s.eligibility("500.01"))).containsExactly(PayoutCondition.WITHDRAWABLE);

            Session t = trade(fundedWith(payout("80").firstAfter(0).buffer("1000")), "2030-03-04", "t1", "1000");
            assertThat(t.eligibility(null).withdrawable()).isEqualByComparingTo("0");
            assertThat(message(t.eligibility(null), PayoutCondition.WITHDRAWABLE)).isEqualTo("nothing is withdrawable");
        }

        @Test
        void aFixedMaxAmountCapsThePayout() {
            Session s = trade(fundedWith(payout("80").firstAfter(0).maxAmount(amount("1000"))), "2030-03-04", "t1",
                    "1500");
            assertThat(s.eligibility(null).withdrawable()).isEqualByComparingTo("1000");
            assertThat(s.eligibility("1000").eligible()).isTrue();
            assertThat(unmet(s.eligibility("1000.01"))).containsExactly(PayoutCondition.WITHDRAWABLE);
        }

        @Test
        void aPercentMaxAmountIsAShareOfTheWithdrawable() {
            Session s = trade(fundedWith(payout("80").firstAfter(0).maxAmount(pct("50"))), "2030-03-04", "t1",
                    "1500");
            assertThat(s.eligibility(null).withdrawable()).isEqualByComparingTo("750");
            assertThat(unmet(s.eligibility("750.01"))).containsExactly(PayoutCondition.WITHDRAWABLE);
        }

        @Test
        void equityMayEndExactlyAtATrailingFloorButNotBelowIt() {
            // Trailing closed balance, 2,000 allowance: a 3,000 profit lifts the floor to 101,000.
            Session s = Session.start(plan("100000").phase(funded().maxLoss(amount("2000"),
                    Mode.TRAILING_CLOSED_BALANCE).payout(payout("80").firstAfter(0).build())), START);
            trade(s, "2030-03-04", "t1", "3000");
            assertThat(s.maxLossFloor()).isEqualByComparingTo("101000");
            assertThat(s.eligibility(null).withdrawable()).isEqualByComparingTo("2000");
            assertThat(unmet(s.eligibility("2000.01"))).containsExactly(PayoutCondition.WITHDRAWABLE);

            s.at("2030-03-04T12:00").payout("2000");
            assertThat(s.state().equity()).isEqualByComparingTo("101000");
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
            assertThat(s.maxLossFloor()).isEqualByComparingTo("101000");
        }

        @Test
        void underAtOrBelowTheCapKeepsEquityOneCentAboveTheFloor() {
            Session s = Session.start(plan("100000").breachWhen(BreachWhen.AT_OR_BELOW).phase(funded()
                    .maxLoss(amount("2000"), Mode.TRAILING_CLOSED_BALANCE)
                    .payout(payout("80").firstAfter(0).build())), START);
            trade(s, "2030-03-04", "t1", "3000");
            assertThat(s.eligibility(null).withdrawable()).isEqualByComparingTo("1999.99");
            s.at("2030-03-04T12:00").payout(null);
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        }

        @Test
        void aFloatingLossReducesTheWithdrawableToKeepEquityAboveTheFloor() {
            Session s = Session.start(plan("100000").phase(funded().maxLoss(amount("2000"),
                    Mode.TRAILING_CLOSED_BALANCE).payout(payout("80").firstAfter(0).notFlat().build())), START);
            trade(s, "2030-03-04", "t1", "3000");
            s.at("2030-03-04T12:00").open("t2").equity("102500");
            assertThat(s.eligibility(null).withdrawable()).isEqualByComparingTo("1500");
        }
    }

    @Nested
    class Paying {

        @Test
        void keepFloorsLowersBalanceEquityAndDayAnchorsButNotTheFloor() {
            Session s = trade(fundedWith(payout("80").firstAfter(0)), "2030-03-04", "t1", "3000");
            s.at("2030-03-05T09:00").clock();
            BigDecimalPair before = new BigDecimalPair(s.state().dailyLossRoom(s.rules()), s.maxLossFloor());

            s.at("2030-03-05T10:00").payout("2000");

            assertThat(s.outcomes()).containsExactly(new Outcome.PayoutPaid(money("2000"), money("1600.00"),
                    money("400.00")));
            AccountState a = s.state();
            assertThat(a.balance()).isEqualByComparingTo("101000");
            assertThat(a.equity()).isEqualByComparingTo("101000");
            assertThat(a.dayStartBalance()).isEqualByComparingTo("101000");
            assertThat(a.dayStartEquity()).isEqualByComparingTo("101000");
            assertThat(a.dayPeakEquity()).isEqualByComparingTo("101000");
            assertThat(a.dailyLossRoom(s.rules())).isEqualByComparingTo(before.first());
            assertThat(a.maxLossFloor()).isEqualByComparingTo(before.second());
            assertThat(a.funded().payoutsPaid()).isEqualTo(1);
            assertThat(a.funded().paidTotal()).isEqualByComparingTo("2000");
            assertThat(a.funded().cycleProfit()).isEqualByComparingTo("0");
            assertThat(a.funded().lastPayoutAt()).isEqualTo(s.instant("2030-03-05T10:00"));
        }

        @Test
        void theTradersShareIsRoundedDownToTheCentAndTheFirmKeepsTheRest() {
            Session s = trade(fundedWith(payout("80").firstAfter(0)), "2030-03-04", "t1", "3000");
            s.at("2030-03-04T12:00").payout("1234.57");
            assertThat(s.outcomes()).containsExactly(new Outcome.PayoutPaid(money("1234.57"), money("987.65"),
                    money("246.92")));
        }

        @Test
        void aTrailingFloorRisesAgainOnlyOnceThePayoutIsEarnedBack() {
            Session s = Session.start(plan("100000").phase(funded().maxLoss(amount("2000"),
                    Mode.TRAILING_CLOSED_BALANCE).payout(payout("80").firstAfter(0).build())), START);
            trade(s, "2030-03-04", "t1", "3000");
            s.at("2030-03-04T12:00").payout("1000");
            trade(s, "2030-03-05", "t2", "800");
            assertThat(s.maxLossFloor()).isEqualByComparingTo("101000");
            trade(s, "2030-03-06", "t3", "700");
            assertThat(s.state().balance()).isEqualByComparingTo("103500");
            assertThat(s.maxLossFloor()).isEqualByComparingTo("101500");
        }

        @Test
        void lockFloorAtInitialFixesTheFloorThereFromThenOn() {
            Session s = Session.start(plan("100000").phase(funded().maxLoss(amount("2000"),
                    Mode.TRAILING_CLOSED_BALANCE).payout(payout("90").firstAfter(0).buffer("500")
                    .after(AfterPayout.LOCK_FLOOR_AT_INITIAL).build())), START);
            trade(s, "2030-03-04", "t1", "1500");
            assertThat(s.maxLossFloor()).isEqualByComparingTo("99500");
            // Locked at 100,000 after the payout, equity must stay there: at most 1,000 (the buffer allows 1,000 too).
            assertThat(s.eligibility(null).withdrawable()).isEqualByComparingTo("1000");
            s.at("2030-03-04T12:00").payout("1000");
            assertThat(s.maxLossFloor()).isEqualByComparingTo("100000");
            assertThat(s.state().funded().floorLocked()).isTrue();
            trade(s, "2030-03-05", "t2", "5000");
            assertThat(s.maxLossFloor()).isEqualByComparingTo("100000");
        }

        @Test
        void lockFloorAtInitialCapsThePayoutAtTheInitialBalance() {
            Session s = Session.start(plan("100000").phase(funded().maxLoss(pct("10"))
                    .payout(payout("90").firstAfter(0).notFlat().after(AfterPayout.LOCK_FLOOR_AT_INITIAL).build())),
                    START);
            trade(s, "2030-03-04", "t1", "1500");
            s.at("2030-03-04T12:00").open("t2").equity("101200");
            assertThat(s.eligibility(null).withdrawable()).isEqualByComparingTo("1200");
            assertThat(unmet(s.eligibility("1200.01"))).containsExactly(PayoutCondition.WITHDRAWABLE);
        }

        @Test
        void resetBalancePaysAllTheProfitAndRestartsTheAccountKeepingTradingDaysAndPayouts() {
            Session s = Session.start(plan("100000").phase(funded().dailyLoss(pct("5")).maxLoss(amount("2000"),
                    Mode.TRAILING_CLOSED_BALANCE).payout(payout("80").firstAfter(0)
                    .after(AfterPayout.RESET_BALANCE).build())), START);
            trade(s, "2030-03-04", "t1", "1000");
            trade(s, "2030-03-05", "t2", "2000");
            assertThat(unmet(s.eligibility("2999.99"))).containsExactly(PayoutCondition.WITHDRAWABLE);
            assertThat(message(s.eligibility("2999.99"), PayoutCondition.WITHDRAWABLE))
                    .isEqualTo("RESET_BALANCE pays exactly the withdrawable 3000.00, not 2999.99");

            s.at("2030-03-05T12:00").payout("3000");

            AccountState a = s.state();
            assertThat(s.outcomes()).containsExactly(new Outcome.PayoutPaid(money("3000"), money("2400.00"),
                    money("600.00")));
            assertThat(a.balance()).isEqualByComparingTo("100000");
            assertThat(a.equity()).isEqualByComparingTo("100000");
            assertThat(a.dayStartBalance()).isEqualByComparingTo("100000");
            assertThat(a.maxLossReference()).isEqualByComparingTo("100000");
            assertThat(a.maxLossFloor()).isEqualByComparingTo("98000");
            assertThat(a.tradingDays()).isEqualTo(2);
            assertThat(a.funded().payoutsPaid()).isEqualTo(1);
        }

        @Test
        void theCycleCountersRestartAfterAPayout() {
            Session s = fundedWith(payout("80").firstAfter(0).every(0).winningDays(1, "100").consistency("50"));
            trade(s, "2030-03-04", "t1", "400");
            trade(s, "2030-03-05", "t2", "400");
            s.at("2030-03-06T09:00").clock().payout("500");
            FundedState f = s.state().funded();
            assertThat(f.winningDays()).isZero();
            assertThat(f.bestDayProfit()).isEqualByComparingTo("0");
            assertThat(f.cycleProfit()).isEqualByComparingTo("0");
            assertThat(f.cycleTradingDays()).isZero();
        }

        @Test
        void aPayoutEventIsRefusedAfterTheAccountFailedAsAnyEventIs() {
            Session s = trade(fundedWith(payout("80").firstAfter(0)), "2030-03-04", "t1", "-10001");
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
            s.at("2030-03-04T12:00").payout("100");
            assertThat(s.outcomeTypes()).containsExactly(OutcomeType.IGNORED_FROZEN);
        }
    }

    record BigDecimalPair(java.math.BigDecimal first, java.math.BigDecimal second) { }

    static java.math.BigDecimal money(String value) {
        return new java.math.BigDecimal(value);
    }
}
