package ai.tradesense.infrastructure.persistence;

import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Counts the pooled connections the persistence unit holds right now, from EclipseLink's acquire and
 * release events, for the {@code database_connection_pool_usage} figure; the read replica's pool is not counted.
 */
public class ConnectionUsage extends SessionEventAdapter {

    private static final AtomicInteger IN_USE = new AtomicInteger();

    public static int inUse() {
        return Math.max(0, IN_USE.get());
    }

    @Override
    public void postAcquireConnection(SessionEvent event) {
        if (onPrimary(event)) {
            IN_USE.incrementAndGet();
        }
    }

    @Override
    public void preReleaseConnection(SessionEvent event) {
        if (onPrimary(event)) {
            IN_USE.decrementAndGet();
        }
    }

    private static boolean onPrimary(SessionEvent event) {
        return !PersistenceUnit.REPLICA_SESSION.equals(event.getSession().getName());
    }
}
