package ai.tradesense.application.export;

import java.util.List;

/** The sort key of the last row read (its time, then its identity), so the next page starts after it. */
public record ExportCursor(List<Object> key) {

    public ExportCursor {
        key = List.copyOf(key);
    }
}
