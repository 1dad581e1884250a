package ai.tradesense.domain.rules;

import static ai.tradesense.domain.rules.Plans.funded;
import static ai.tradesense.domain.rules.Plans.pct;
import static ai.tradesense.domain.rules.Plans.plan;
import static ai.tradesense.domain.rules.Policies.payout;
import static ai.tradesense.domain.rules.Policies.scaling;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Scaling reviews as deadlines (docs/rules.md §20.8), and a year of funded trading with payouts. */
class ScalingTest {

    private static final String START = "2030-01-07T09:00";

    private static Session fundedWith(ScalingPolicy scaling) {
        return Session.start(plan("100000").phase(funded().dailyLoss(pct("5")).maxLoss(pct("10"))
                .payout(payout("80").firstAfter(0).every(0).build()).scaling(scaling)), START);
    }

    private static void trade(Session s, Instant at, String id, String profit) {
        s.atInstant(at).open(id).atInstant(at.plus(Duration.ofHours(1))).close(id, profit);
    }

    private static List<String> steps(Session s) {
        return s.all(Outcome.Scaled.class).stream().map(o -> o.initialBalance().stripTrailingZeros().toPlainString()
                + " at " + o.splitPct().stripTrailingZeros().toPlainString() + "%").toList();
    }

    @Test
    void aQualifyingPeriodGrowsTheAccountByAShareOfTheOriginalInitialBalance() {
        Session s = fundedWith(scaling(30, "10", 1, "25", "200000", "90"));
        Instant start = s.instant(START);
        trade(s, start.plus(Duration.ofDays(1)), "t1", "10000");
        s.atInstant(start.plus(Duration.ofDays(2))).payout("1000");
        assertThat(s.state().balance()).isEqualByComparingTo("109000");

        s.atInstant(start.plus(Duration.ofDays(30))).clock();

        assertThat(steps(s)).containsExactly("125000 at 90%");
        AccountState a = s.state();
        assertThat(a.initialBalance(s.rules())).isEqualByComparingTo("125000");
        assertThat(a.balance()).isEqualByComparingTo("134000");
        assertThat(a.equity()).isEqualByComparingTo("134000");
        assertThat(a.maxLossFloor()).isEqualByComparingTo("112500");
        assertThat(a.dailyLossFloor(s.rules())).isEqualByComparingTo("127750");
        assertThat(a.funded().splitPct()).isEqualByComparingTo("90");
        assertThat(a.funded().periodProfit()).isEqualByComparingTo("0");
        assertThat(a.funded().nextReviewAt()).isEqualTo(start.plus(Duration.ofDays(60)));

        s.atInstant(start.plus(Duration.ofDays(30)).plusSeconds(60)).payout("1000");
        assertThat(s.outcomes()).containsExactly(new Outcome.PayoutPaid(new BigDecimal("1000"),
                new BigDecimal("900.00"), new BigDecimal("100.00")));
    }

    @Test
    void theReviewIsDueOneSecondAfterThePeriodNotBefore() {
        Session s = fundedWith(scaling(30, "10", 0, "25", "200000", "90"));
        Instant review = s.instant(START).plus(Duration.ofDays(30));
        trade(s, s.instant(START).plus(Duration.ofDays(1)), "t1", "10000");
        s.atInstant(review.minusSeconds(1)).clock();
        assertThat(s.all(Outcome.Scaled.class)).isEmpty();
        assertThat(RiskWatch.nextDeadline(s.state())).isEqualTo(review);
        assertThat(RiskWatch.dueClocks(s.state(), s.rules(), review, 10))
                .contains(new RiskWatch.DueClock(review, RiskWatch.Reason.SCALING_REVIEW));
        s.atInstant(review).clock();
        assertThat(s.all(Outcome.Scaled.class)).hasSize(1);
    }

    @Test
    void profitOneCentShortOfTheMinimumDoesNotScaleAndThePeriodRestarts() {
        Session s = fundedWith(scaling(30, "10", 0, "25", "200000", "90"));
        Instant start = s.instant(START);
        trade(s, start.plus(Duration.ofDays(1)), "t1", "9999.99");
        s.atInstant(start.plus(Duration.ofDays(30))).clock();
        assertThat(s.all(Outcome.Scaled.class)).isEmpty();
        assertThat(s.state().initialBalance(s.rules())).isEqualByComparingTo("100000");
        assertThat(s.state().funded().periodProfit()).isEqualByComparingTo("0");
        assertThat(s.state().funded().splitPct()).isEqualByComparingTo("80");
    }

    @Test
    void tooFewPayoutsInThePeriodDoNotScale() {
        Session s = fundedWith(scaling(30, "10", 2, "25", "200000", "90"));
        Instant start = s.instant(START);
        trade(s, start.plus(Duration.ofDays(1)), "t1", "12000");
        s.atInstant(start.plus(Duration.ofDays(2))).payout("1000");
        s.atInstant(start.plus(Duration.ofDays(30))).clock();
        assertThat(s.all(Outcome.Scaled.class)).isEmpty();
    }

    @Test
    void aBalanceBelowTheInitialDoesNotScaleEvenWithTheProfitPaidOut() {
        Session s = fundedWith(scaling(30, "10", 1, "25", "200000", "90"));
        Instant start = s.instant(START);
        trade(s, start.plus(Duration.ofDays(1)), "t1", "10000");
        s.atInstant(start.plus(Duration.ofDays(2))).payout("10000");
        trade(s, start.plus(Duration.ofDays(3)), "t2", "-0.01");
        s.atInstant(start.plus(Duration.ofDays(30))).clock();
        assertThat(s.all(Outcome.Scaled.class)).isEmpty();
    }

    @Test
    void growthStopsAtTheMaximumBalance() {
        Session s = fundedWith(scaling(30, "10", 0, "25", "110000", "90"));
        Instant start = s.instant(START);
        trade(s, start.plus(Duration.ofDays(1)), "t1", "10000");
        s.atInstant(start.plus(Duration.ofDays(30))).clock();
        assertThat(steps(s)).containsExactly("110000 at 90%");
        assertThat(s.state().balance()).isEqualByComparingTo("120000");
    }

    /**
     * A year of funded trading, FTMO-style: 80% split, scaling +25% every 120 days with 10% profit and two
     * payouts, 90% after a step. 110 a day, a payout of all the profit every 30 days: the first two periods
     * (13,200 each against 10,000 and 12,500 needed) scale, the third (against 15,000) does not.
     */
    @Test
    void aYearOfFundedTradingPaysMonthlyAndScalesTwice() {
        Session s = Session.start(plan("100000").phase(funded().dailyLoss(pct("5")).maxLoss(pct("10"))
                .payout(payout("80").build()).scaling(scaling(120, "10", 2, "25", "200000", "90"))), START);
        Instant start = s.instant(START);
        BigDecimal closed = BigDecimal.ZERO;
        for (int day = 0; day < 365; day++) {
            Instant morning = start.plus(Duration.ofDays(day)).plus(Duration.ofHours(1));
            trade(s, morning, "t" + day, "110");
            closed = closed.add(new BigDecimal("110"));
            if (day % 30 == 29) {
                s.atInstant(morning.plus(Duration.ofHours(2))).payout(null);
                assertThat(s.outcomeTypes()).contains(OutcomeType.PAYOUT_PAID);
            }
        }
        s.atInstant(start.plus(Duration.ofDays(366))).clock();

        assertThat(steps(s)).containsExactly("125000 at 90%", "150000 at 90%");
        List<Outcome.PayoutPaid> paid = s.all(Outcome.PayoutPaid.class);
        assertThat(paid).hasSize(12);
        assertThat(paid.get(0).traderShare()).isEqualByComparingTo(
                paid.get(0).amount().multiply(new BigDecimal("0.8")));
        assertThat(paid.get(11).traderShare()).isEqualByComparingTo(
                paid.get(11).amount().multiply(new BigDecimal("0.9")));
        BigDecimal total = paid.stream().map(Outcome.PayoutPaid::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        AccountState a = s.state();
        assertThat(a.status()).isEqualTo(ChallengeStatus.ACTIVE);
        assertThat(a.funded().payoutsPaid()).isEqualTo(12);
        assertThat(a.funded().paidTotal()).isEqualByComparingTo(total);
        // Every cent is accounted for: the original balance, all closed profit and both steps, less the payouts.
        assertThat(a.balance()).isEqualByComparingTo(
                new BigDecimal("100000").add(closed).add(new BigDecimal("50000")).subtract(total));
        assertThat(a.initialBalance(s.rules())).isEqualByComparingTo("150000");
        assertThat(a.maxLossFloor()).isEqualByComparingTo("135000");
        assertThat(a.funded().nextReviewAt()).isEqualTo(start.plus(Duration.ofDays(480)));
    }
}
