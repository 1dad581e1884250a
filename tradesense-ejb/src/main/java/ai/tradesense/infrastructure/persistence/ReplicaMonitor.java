package ai.tradesense.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.eclipse.microprofile.config.ConfigProvider;

import ai.tradesense.infrastructure.config.DatabaseSettings;

/**
 * Watches the read replica every two seconds, off the request path: how far it is behind the primary,
 * and whether reads may go to it. It is skipped while it is unreachable or lags past
 * {@code tradesense.db.read-max-lag-seconds}, and taken back at the first check that finds it well.
 * The lag is the age of the oldest primary WAL position seen here that the replica has not replayed
 * yet (an idle primary has nothing to replay: lag 0), or the age of its last replayed transaction when
 * that is smaller.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReplicaMonitor {

    private static final Logger LOG = Logger.getLogger(ReplicaMonitor.class.getName());
    private static final int QUERY_TIMEOUT_SECONDS = 2;
    private static final String REPLAYED = "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn(),"
            + " EXTRACT(EPOCH FROM (now() - pg_last_xact_replay_timestamp()))";

    /** A primary WAL position and when this node saw it. */
    private record Seen(long lsn, long atMillis) { }

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource primary;

    @Resource(lookup = SchemaMigration.READ_DATASOURCE)
    DataSource replica;

    private boolean configured;
    private long maxLagSeconds;
    private final Deque<Seen> unreplayed = new ArrayDeque<>();
    private volatile boolean usable;
    private volatile double lagSeconds = -1;

    @PostConstruct
    void readSettings() {
        configured = DatabaseSettings.replicaFromConfig().isPresent();
        maxLagSeconds = ConfigProvider.getConfig(ReplicaMonitor.class.getClassLoader())
                .getOptionalValue(DatabaseSettings.READ_MAX_LAG, Long.class).orElse(10L);
    }

    /** True when a replica is configured at all. */
    public boolean configured() {
        return configured;
    }

    /** True when reads may go to the replica now: it answered the last check and was close enough. */
    public boolean usable() {
        return usable;
    }

    /** Seconds the replica is behind the primary; -1 without a replica or while it cannot be asked. */
    public double lagSeconds() {
        return lagSeconds;
    }

    /** A read on the replica lost its connection: primary only until the next check finds it well. */
    public void failed(Throwable cause) {
        if (usable) {
            usable = false;
            LOG.log(Level.WARNING, "Read replica failed a read, reads go to the primary: {0}", cause.getMessage());
        }
    }

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    synchronized void check() {
        if (!configured) {
            return;
        }
        boolean wasUsable = usable;
        String problem;
        try {
            double lag = measure();
            lagSeconds = lag;
            usable = lag <= maxLagSeconds;
            problem = usable ? null : "it is " + lag + " s behind (limit " + maxLagSeconds + " s)";
        } catch (SQLException | RuntimeException e) {
            lagSeconds = -1;
            usable = false;
            problem = "it cannot be reached: " + e.getMessage();
        }
        if (wasUsable && !usable) {
            LOG.log(Level.WARNING, "Read replica skipped, reads go to the primary: {0}", problem);
        } else if (!wasUsable && usable) {
            LOG.log(Level.INFO, "Read replica in use, {0} s behind the primary", lagSeconds);
        }
    }

    private double measure() throws SQLException {
        long primaryLsn = primaryPosition();
        long now = System.currentTimeMillis();
        try (Connection connection = replica.getConnection();
             PreparedStatement statement = connection.prepareStatement(REPLAYED)) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    // Promoted, or the primary itself: it has everything it serves.
                    unreplayed.clear();
                    return 0;
                }
                long replayed = lsn(row.getString(2));
                double replayAge = row.getObject(3) == null ? Double.MAX_VALUE : row.getDouble(3);
                if (unreplayed.isEmpty() || unreplayed.peekLast().lsn() < primaryLsn) {
                    unreplayed.addLast(new Seen(primaryLsn, now));
                }
                while (!unreplayed.isEmpty() && unreplayed.peekFirst().lsn() <= replayed) {
                    unreplayed.removeFirst();
                }
                if (unreplayed.isEmpty()) {
                    return 0;
                }
                double waited = (now - unreplayed.peekFirst().atMillis()) / 1000.0;
                return Math.max(0, Math.min(waited, replayAge));
            }
        }
    }

    private long primaryPosition() throws SQLException {
        try (Connection connection = primary.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT pg_current_wal_lsn()")) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return lsn(row.getString(1));
            }
        }
    }

    /** A WAL position as PostgreSQL prints it ({@code 16/B374D848}) as one number. */
    static long lsn(String text) {
        if (text == null) {
            return 0;
        }
        int slash = text.indexOf('/');
        return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
    }
}
