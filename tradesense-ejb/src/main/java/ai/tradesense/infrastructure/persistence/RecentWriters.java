package ai.tradesense.infrastructure.persistence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import ai.tradesense.infrastructure.config.DatabaseSettings;

/**
 * Callers who committed a write on this node within the replica's allowed lag: their reads go to the
 * primary for that long, so a caller reads its own write even from a lagging replica.
 */
@ApplicationScoped
public class RecentWriters {

    /** Past this many callers the expired ones are dropped. */
    private static final int TIDY_ABOVE = 10_000;

    private final Map<String, Long> lastWrite = new ConcurrentHashMap<>();
    private volatile long windowMillis = -1;

    void wrote(String caller) {
        if (caller == null) {
            return;
        }
        long now = System.currentTimeMillis();
        lastWrite.put(caller, now);
        if (lastWrite.size() > TIDY_ABOVE) {
            lastWrite.values().removeIf(at -> now - at > window());
        }
    }

    boolean wroteRecently(String caller) {
        if (caller == null) {
            return false;
        }
        Long at = lastWrite.get(caller);
        return at != null && System.currentTimeMillis() - at <= window();
    }

    private long window() {
        if (windowMillis < 0) {
            windowMillis = 1_000 * ConfigProvider.getConfig(RecentWriters.class.getClassLoader())
                    .getOptionalValue(DatabaseSettings.READ_MAX_LAG, Long.class).orElse(10L);
        }
        return windowMillis;
    }
}
