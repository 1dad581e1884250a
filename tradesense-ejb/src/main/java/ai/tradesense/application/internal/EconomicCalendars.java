package ai.tradesense.application.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import ai.tradesense.domain.model.calendar.CalendarRepository;
import ai.tradesense.domain.model.calendar.Release;
import ai.tradesense.domain.rules.EconomicCalendar;
import ai.tradesense.domain.rules.PhaseRules;
import ai.tradesense.domain.rules.RuleSet;

/**
 * The calendar the engine judges news trading against, kept in memory: read once, read again after a
 * change on this node commits, and at most {@link #REFRESH} old for a change made on another node. Plans
 * without a news rule get the empty calendar and cost no read at all.
 */
@ApplicationScoped
public class EconomicCalendars {

    /** How long a calendar read on this node is used before it is read again. */
    static final Duration REFRESH = Duration.ofSeconds(30);

    /** Fired when the calendar changed; observed after the commit. */
    public record Changed() { }

    @Inject
    CalendarRepository repository;

    @Inject
    Clock clock;

    private volatile EconomicCalendar current;
    private volatile Instant readAt = Instant.MIN;

    /** The calendar {@code rules} need: the firm's when a phase has a news rule, else the empty one. */
    public EconomicCalendar forRules(RuleSet rules) {
        for (PhaseRules phase : rules.phases()) {
            if (phase.conduct() != null && phase.conduct().news() != null) {
                return current();
            }
        }
        return EconomicCalendar.EMPTY;
    }

    EconomicCalendar current() {
        EconomicCalendar calendar = current;
        Instant now = clock.instant();
        if (calendar == null || readAt.plus(REFRESH).isBefore(now)) {
            calendar = EconomicCalendar.of(repository.all().stream().map(Release::entry).toList());
            current = calendar;
            readAt = now;
        }
        return calendar;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        current = null;
    }
}
