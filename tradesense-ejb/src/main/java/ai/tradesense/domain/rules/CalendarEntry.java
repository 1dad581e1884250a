package ai.tradesense.domain.rules;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One entry of the firm's economic calendar: a release at {@code at} that moves the listed symbols
 * ({@code docs/rules.md} §19). Symbols are kept in upper case and compared exactly.
 */
public record CalendarEntry(String id, Instant at, String title, Impact impact, Set<String> symbols) {

    public CalendarEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(impact, "impact");
        symbols = symbols.stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** How much a release is expected to move the market. */
    public enum Impact { LOW, MEDIUM, HIGH }
}
