package ai.tradesense.domain.model.calendar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;
import ai.tradesense.domain.rules.CalendarEntry;

/** One release of the firm's economic calendar, as stored; {@link #entry()} is what the engine reads. */
@Entity
@Table(name = "calendar_entry")
public class Release {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false)
    private OffsetDateTime at;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 8)
    private String impact;

    @Column(nullable = false, length = 1000)
    private String symbols;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Release() {
    }

    public Release(String id, CalendarEntry entry, Instant now) {
        this.id = Objects.requireNonNull(id, "id");
        revise(entry, now);
    }

    /** Takes the entry's time, title, impact and symbols. */
    public void revise(CalendarEntry entry, Instant now) {
        this.at = Timestamps.stored(entry.at());
        this.title = entry.title();
        this.impact = entry.impact().name();
        this.symbols = String.join(" ", new TreeSet<>(entry.symbols()));
        this.updatedAt = Timestamps.stored(now);
    }

    public String id() {
        return id;
    }

    public CalendarEntry entry() {
        Set<String> list = symbols.isEmpty() ? Set.of()
                : Arrays.stream(symbols.split(" ")).collect(Collectors.toUnmodifiableSet());
        return new CalendarEntry(id, at.toInstant(), title, CalendarEntry.Impact.valueOf(impact), list);
    }
}
