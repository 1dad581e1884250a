package ai.tradesense.application;

import java.util.List;

import ai.tradesense.domain.rules.CalendarEntry;

/**
 * The firm's economic calendar (DESIGN §3b): staff read it, admins keep it. Entries come in as
 * {@link CalendarEntry} with a null id (the service gives one) and go out with theirs.
 */
public interface CalendarService {

    /** Entries one import may carry. */
    int MAX_IMPORT = 10_000;

    List<CalendarEntry> list();

    CalendarEntry find(String id);

    CalendarEntry create(CalendarEntry entry);

    CalendarEntry update(String id, CalendarEntry entry);

    void delete(String id);

    /** Adds every entry in one transaction: all or nothing. */
    List<CalendarEntry> importAll(List<CalendarEntry> entries);
}
