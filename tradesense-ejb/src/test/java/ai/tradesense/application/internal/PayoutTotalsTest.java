package ai.tradesense.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.tradesense.application.payout.PayoutTotal;
import ai.tradesense.domain.model.payout.PayoutRequest;

/** Paid payouts summed per plan and UTC month, exactly. */
class PayoutTotalsTest {

    private static PayoutRequest paid(String plan, String paidAt, String amount, String trader) {
        PayoutRequest p = PayoutRequest.request(plan + paidAt, "c-1", "t-1", plan, 1, "USD", new BigDecimal(amount),
                Instant.parse(paidAt).minusSeconds(3600), "trader:t-1");
        BigDecimal share = new BigDecimal(trader);
        p.paid("risk:r", Instant.parse(paidAt), share, new BigDecimal(amount).subtract(share));
        return p;
    }

    @Test
    void sumsEachPlanPerCalendarMonthOfThePaidDateInUtc() {
        List<PayoutTotal> totals = PayoutTotals.of(List.of(
                paid("a", "2030-03-01T00:00:00Z", "1000.01", "800.00"),
                paid("a", "2030-03-31T23:59:59Z", "2000", "1600"),
                paid("a", "2030-04-01T00:00:00Z", "10", "8"),
                paid("b", "2030-03-15T12:00:00Z", "1234.57", "987.65")));

        assertThat(totals).containsExactly(
                new PayoutTotal("a", "2030-03", "USD", 2, new BigDecimal("3000.01"), new BigDecimal("2400.00"),
                        new BigDecimal("600.01")),
                new PayoutTotal("a", "2030-04", "USD", 1, new BigDecimal("10"), new BigDecimal("8"),
                        new BigDecimal("2")),
                new PayoutTotal("b", "2030-03", "USD", 1, new BigDecimal("1234.57"), new BigDecimal("987.65"),
                        new BigDecimal("246.92")));
    }

    @Test
    void aDecidedRequestCannotBeDecidedAgain() {
        PayoutRequest p = paid("a", "2030-03-01T00:00:00Z", "100", "80");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.reject("risk:r", Instant.now(), "late"))
                .isInstanceOf(ai.tradesense.domain.model.payout.PayoutDecidedException.class)
                .hasMessageContaining("already PAID");
    }
}
