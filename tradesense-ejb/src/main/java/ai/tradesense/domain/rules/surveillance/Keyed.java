package ai.tradesense.domain.rules.surveillance;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A trade with the primitive keys a detector sorts and sweeps by: a group (ids interned to numbers, so the sort
 * compares numbers, not strings) and its open and close in epoch milliseconds (an open trade closes never).
 */
record Keyed(long group, long openMs, long closeMs, SurveilledTrade trade) {

    static final long NEVER = Long.MAX_VALUE;

    /** The trades keyed by {@code group} (any function of the trade to a string) and sorted by (group, open time). */
    static Keyed[] sorted(List<SurveilledTrade> trades, Function<SurveilledTrade, String> group) {
        Map<String, Long> ids = new HashMap<>();
        Keyed[] keyed = new Keyed[trades.size()];
        for (int i = 0; i < keyed.length; i++) {
            SurveilledTrade trade = trades.get(i);
            long id = ids.computeIfAbsent(group.apply(trade), g -> (long) ids.size());
            keyed[i] = new Keyed(id, trade.openedAt().toEpochMilli(),
                    trade.closedAt() == null ? NEVER : trade.closedAt().toEpochMilli(), trade);
        }
        Arrays.sort(keyed, (a, b) -> a.group != b.group ? Long.compare(a.group, b.group)
                : Long.compare(a.openMs, b.openMs));
        return keyed;
    }
}
