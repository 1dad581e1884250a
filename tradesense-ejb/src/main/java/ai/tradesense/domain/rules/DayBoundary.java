package ai.tradesense.domain.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;

/**
 * Trading days are {@code [b_k, b_k+1)} where each boundary is {@code time} local time in {@code zone}.
 * DST-aware: a boundary that falls into a spring-forward gap moves to the first valid instant after
 * the gap; one that falls into an autumn overlap takes the earlier offset ({@code docs/rules.md} §2).
 */
public record DayBoundary(ZoneId zone, LocalTime time) {

    public DayBoundary {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(time, "time");
    }

    /** The boundary on the given local date. */
    public Instant on(LocalDate date) {
        LocalDateTime local = date.atTime(time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            // ZonedDateTime would shift by the gap's length (02:30 -> 03:30); the day starts when the gap ends.
            return transition.getInstant();
        }
        return ZonedDateTime.of(local, zone).toInstant();
    }

    /**
     * The trading day each thread asked about last: nearly every event falls into the same day as the one
     * before, and finding a day's boundaries (zone rules, the gap check) was 5 % of the node's samples
     * under the bridge.
     */
    private static final ThreadLocal<Day> LAST_DAY = new ThreadLocal<>();

    /** A trading day {@code [start, next)} of {@code boundary}, named {@code date}. */
    private record Day(DayBoundary boundary, Instant start, Instant next, LocalDate date) {
        boolean holds(DayBoundary asked, Instant at) {
            return !at.isBefore(start) && at.isBefore(next) && boundary.equals(asked);
        }
    }

    /**
     * The trading day that contains {@code at}. Every instant in {@code [start, next)} has {@code start} as
     * its latest boundary (boundaries rise with the date), so a day found once answers for all of them.
     */
    private Day dayOf(Instant at) {
        Day last = LAST_DAY.get();
        if (last != null && last.holds(this, at)) {
            return last;
        }
        Instant start = latestBoundaryAtOrBefore(at);
        Day day = new Day(this, start, nextAfter(start), start.atZone(zone).toLocalDate());
        LAST_DAY.set(day);
        return day;
    }

    /** The latest boundary at or before {@code at}: the start of the trading day that contains it. */
    public Instant dayStartOf(Instant at) {
        return dayOf(at).start();
    }

    /** As {@link #dayStartOf}, found afresh (package-private for the test that checks the memory against it). */
    Instant latestBoundaryAtOrBefore(Instant at) {
        LocalDate date = at.atZone(zone).toLocalDate();
        Instant candidate = on(date);
        while (candidate.isAfter(at)) {
            date = date.minusDays(1);
            candidate = on(date);
        }
        return candidate;
    }

    /** The first boundary strictly after {@code at}. */
    public Instant nextAfter(Instant at) {
        LocalDate date = at.atZone(zone).toLocalDate().minusDays(1);
        Instant candidate = on(date);
        while (!candidate.isAfter(at)) {
            date = date.plusDays(1);
            candidate = on(date);
        }
        return candidate;
    }

    /** The trading day (named by the local date its boundary falls on) that contains {@code at}. */
    public LocalDate tradingDayOf(Instant at) {
        return dayOf(at).date();
    }
}
