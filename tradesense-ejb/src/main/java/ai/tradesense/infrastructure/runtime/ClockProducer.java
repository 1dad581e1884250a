package ai.tradesense.infrastructure.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock every service and job reads the time from, so a test can set the time rather than wait
 * for it: {@code tradesense.clock.offset} (an ISO-8601 duration such as {@code PT-6H}, for tests only)
 * shifts it from the system's UTC clock; it keeps ticking at the system's pace.
 */
@ApplicationScoped
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class.getName());
    static final String OFFSET = "tradesense.clock.offset";

    @Inject
    @ConfigProperty(name = OFFSET, defaultValue = "PT0S")
    String offset;

    private Clock clock;

    @PostConstruct
    void choose() {
        clock = offset(offset);
        if (!clock.equals(Clock.systemUTC())) {
            LOG.log(Level.WARNING, "The clock is shifted by {0} from the system''s ({1}): for tests only", new Object[] {
                    offset.strip(), OFFSET});
        }
    }

    /** The system's UTC clock shifted by an ISO-8601 duration (blank: not shifted). */
    static Clock offset(String duration) {
        if (duration == null || duration.isBlank()) {
            return Clock.systemUTC();
        }
        Duration shift;
        try {
            shift = Duration.parse(duration.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(OFFSET + " must be an ISO-8601 duration such as PT-6H, was " + duration, e);
        }
        return shift.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), shift);
    }

    @Produces
    Clock clock() {
        return clock;
    }
}
