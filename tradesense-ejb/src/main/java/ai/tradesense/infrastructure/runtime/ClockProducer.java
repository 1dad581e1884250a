package ai.tradesense.infrastructure.runtime;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The one clock every service and job reads the time from, so a test can set the time rather than wait
 * for it.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
