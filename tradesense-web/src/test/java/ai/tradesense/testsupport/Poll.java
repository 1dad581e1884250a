package ai.tradesense.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for a condition by polling it until a deadline; never a blind sleep. */
public final class Poll {

    private Poll() {
    }

    /** Polls every 250 ms until {@code condition} holds; fails with {@code what} when time runs out. */
    public static void until(String what, Duration timeout, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }
}
