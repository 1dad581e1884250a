package ai.tradesense.domain.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Instants as the database keeps them: UTC, to the microsecond (PostgreSQL and H2 alike). */
public final class Timestamps {

    private Timestamps() {
    }

    /** The column value of an instant; reading it back gives exactly this, so hashes and answers agree. */
    public static OffsetDateTime stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
