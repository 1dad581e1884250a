package ai.tradesense.application.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.tradesense.application.payout.PayoutTotal;
import ai.tradesense.domain.model.payout.PayoutRequest;

/** Paid payouts summed per plan and calendar month (UTC, by the paid date), exact. */
final class PayoutTotals {

    private PayoutTotals() {
    }

    static List<PayoutTotal> of(List<PayoutRequest> paid) {
        Map<String, PayoutTotal> totals = new TreeMap<>();
        for (PayoutRequest p : paid) {
            String month = YearMonth.from(p.paidAt().atOffset(ZoneOffset.UTC)).toString();
            String key = p.planCode() + '|' + month + '|' + p.currency();
            PayoutTotal sum = totals.getOrDefault(key, new PayoutTotal(p.planCode(), month, p.currency(), 0,
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
            totals.put(key, new PayoutTotal(sum.planCode(), month, sum.currency(), sum.count() + 1,
                    sum.gross().add(p.amount()), sum.traderShare().add(p.traderShare()),
                    sum.firmShare().add(p.firmShare())));
        }
        return new ArrayList<>(totals.values());
    }
}
