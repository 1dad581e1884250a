package ai.tradesense.application.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import ai.tradesense.application.CalendarService;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.calendar.CalendarRepository;
import ai.tradesense.domain.model.calendar.Release;
import ai.tradesense.domain.model.calendar.ReleaseNotFoundException;
import ai.tradesense.domain.rules.CalendarEntry;

@Stateless
public class DefaultCalendarService implements CalendarService {

    @Inject
    CalendarRepository releases;

    @Inject
    Event<EconomicCalendars.Changed> changed;

    @Inject
    Clock clock;

    @Override
    public List<CalendarEntry> list() {
        return releases.all().stream().map(Release::entry).toList();
    }

    @Override
    public CalendarEntry find(String id) {
        return release(id).entry();
    }

    @Override
    public CalendarEntry create(CalendarEntry entry) {
        Release release = new Release(UUID.randomUUID().toString(), entry, clock.instant());
        releases.add(release);
        changed.fire(new EconomicCalendars.Changed());
        return release.entry();
    }

    @Override
    public CalendarEntry update(String id, CalendarEntry entry) {
        Release release = release(id);
        release.revise(entry, clock.instant());
        changed.fire(new EconomicCalendars.Changed());
        return release.entry();
    }

    @Override
    public void delete(String id) {
        releases.remove(release(id));
        changed.fire(new EconomicCalendars.Changed());
    }

    @Override
    public List<CalendarEntry> importAll(List<CalendarEntry> entries) {
        if (entries.size() > MAX_IMPORT) {
            throw InvalidInputException.of("", Kind.VALUE, "at most " + MAX_IMPORT + " entries per import");
        }
        List<CalendarEntry> added = new ArrayList<>(entries.size());
        for (CalendarEntry entry : entries) {
            Release release = new Release(UUID.randomUUID().toString(), entry, clock.instant());
            releases.add(release);
            added.add(release.entry());
        }
        changed.fire(new EconomicCalendars.Changed());
        return added;
    }

    private Release release(String id) {
        return releases.find(id).orElseThrow(() -> new ReleaseNotFoundException(id));
    }
}
