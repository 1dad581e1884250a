package ai.tradesense.domain.rules;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The calendar entries the engine judges news trading against, sorted by time so that the entries near a
 * trade are found by binary search: O(log n) plus the entries inside the window. Immutable.
 */
public final class EconomicCalendar {

    public static final EconomicCalendar EMPTY = new EconomicCalendar(List.of());

    private final CalendarEntry[] entries;

    private EconomicCalendar(Collection<CalendarEntry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparing(CalendarEntry::at))
                .toArray(CalendarEntry[]::new);
    }

    public static EconomicCalendar of(Collection<CalendarEntry> entries) {
        return entries.isEmpty() ? EMPTY : new EconomicCalendar(entries);
    }

    public int size() {
        return entries.length;
    }

    /**
     * The first entry of the rule's impact levels listing {@code symbol} whose window
     * {@code [at − before, at + after]} holds {@code t}; null when none does.
     */
    public CalendarEntry hit(ConductRules.News rule, Instant t, String symbol) {
        if (entries.length == 0) {
            return null;
        }
        // t is in [e − before, e + after] exactly when e is in [t − after, t + before].
        Instant from = t.minusSeconds(rule.afterSeconds());
        Instant to = t.plusSeconds(rule.beforeSeconds());
        String wanted = null;
        for (int i = firstAtOrAfter(from); i < entries.length && !entries[i].at().isAfter(to); i++) {
            CalendarEntry entry = entries[i];
            if (rule.impact().contains(entry.impact())) {
                if (wanted == null) {
                    wanted = symbol.toUpperCase(Locale.ROOT);
                }
                if (entry.symbols().contains(wanted)) {
                    return entry;
                }
            }
        }
        return null;
    }

    private int firstAtOrAfter(Instant from) {
        int low = 0;
        int high = entries.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (entries[mid].at().isBefore(from)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
