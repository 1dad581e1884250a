package ai.tradesense.domain.model.calendar;

import java.util.List;
import java.util.Optional;

/** The stored economic calendar. */
public interface CalendarRepository {

    /** Every release, in time order. */
    List<Release> all();

    Optional<Release> find(String id);

    void add(Release release);

    void remove(Release release);
}
