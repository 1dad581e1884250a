package ai.tradesense.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import ai.tradesense.node.Launcher.RunningNode;
import ai.tradesense.node.PostgresClusters.Cluster;
import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.Http.Answer;
import ai.tradesense.testsupport.Poll;
import ai.tradesense.testsupport.TestServices;

/**
 * One node over a PostgreSQL primary and its streaming replica, both the test's own: lists read the
 * replica (a paused replay hides a new challenge from another caller's list, never from the write's answer
 * or its writer's next read), a replica that lags or is down is skipped and taken back, and the replica
 * promoted while events flow takes over as primary through the multi-host URL, with every acknowledged
 * event there exactly once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseReplicaIT {

    private static final Logger LOG = Logger.getLogger(DatabaseReplicaIT.class.getName());
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DATABASE = "tradesense";

    private static PostgresClusters clusters;
    private static Cluster primary;
    private static Cluster replica;
    private static RunningNode node;
    private static Http http;
    private static Http admin;
    private static Http platform;
    /** Risk staff: another caller than the admin who writes, reading everyone's lists. */
    private static Http risk;

    @BeforeAll
    static void start() throws Exception {
        clusters = new PostgresClusters("replica-it");
        primary = clusters.primary("primary");
        try (Connection db = primary.connect("postgres"); Statement statement = db.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        replica = clusters.replicaOf(primary, "replica");
        node = Launcher.start(Nodes.runCommandDefaults("replica")
                .withSetting("tradesense.db.url", "jdbc:postgresql://127.0.0.1:" + primary.port() + ",127.0.0.1:"
                        + replica.port() + "/" + DATABASE + "?targetServerType=primary")
                .withSetting("tradesense.db.user", "postgres")
                .withSetting("tradesense.db.read-url", replica.jdbcUrl(DATABASE))
                .withSetting("tradesense.db.read-max-lag-seconds", "3")
                .withSetting("tradesense.redis.url", TestServices.redis()));
        node.awaitReady(Duration.ofMinutes(3));
        http = new Http(node.baseUri());
        admin = Accounts.admin(new Http(node.baseUri().resolve("api/v1/")));
        platform = Accounts.platform(admin);
        risk = Accounts.withRoles(new Http(node.baseUri().resolve("api/v1/")), "RISK").http();
    }

    @AfterAll
    static void stop() {
        try {
            if (node != null) {
                node.stop();
            }
        } finally {
            if (clusters != null) {
                clusters.close();
            }
        }
    }

    @Test
    @Order(1)
    void listsReadTheReplicaAndAWriteItsOwnAnswer() throws Exception {
        Poll.until("the replica is in use", WAIT, () -> gauge("database_replica_in_use") == 1);
        assertThat(gauge("database_replica_lag_seconds")).isBetween(0.0, 3.0);
        String trader = "replica-" + UUID.randomUUID();
        String first = start(trader);
        Poll.until("the replica shows the first challenge", WAIT, () -> risk.get(list(trader)).body().contains(first));
        assertThat(sessions(replica, "tradesense-read")).as("the node's read sessions on the replica").isPositive();
        assertThat(sessions(primary, "tradesense-read")).as("read sessions on the primary").isZero();

        // The replica stops replaying: the next write's answer and its writer's next read still have it,
        // another caller's list (the replica's) does not, until the lag passes its limit.
        try (Connection db = replica.connect(DATABASE); Statement statement = db.createStatement()) {
            statement.execute("SELECT pg_wal_replay_pause()");
            try {
                pausedReplay(trader, first);
            } finally {
                statement.execute("SELECT pg_wal_replay_resume()");
            }
        }
        Poll.until("the replica is taken back once it caught up", WAIT, () -> gauge("database_replica_in_use") == 1);
        assertThat(gauge("database_replica_lag_seconds")).isBetween(0.0, 3.0);

        // One transaction that finds the challenge on the primary and reads its trail (and its figures) on the
        // replica; statistics may store a snapshot first, which makes their caller a writer for a while.
        Answer audit = risk.get("challenges/" + first + "/audit");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        assertThat(audit.body()).contains("CHALLENGE_STARTED");
        Answer stats = risk.get("challenges/" + first + "/stats");
        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
    }

    /** With the replica's replay paused: a write's answer and its writer see it, another caller's list not yet. */
    private static void pausedReplay(String trader, String first) {
        String second = start(trader);
        assertThat(admin.get(list(trader)).body()).as("the writer reads its own write").contains(second);
        Answer lagging = risk.get(list(trader));
        assertThat(lagging.status()).isEqualTo(200);
        assertThat(lagging.body()).as("another caller's list, from the paused replica").contains(first)
                .doesNotContain(second);

        Poll.until("the lagging replica is skipped", WAIT, () -> gauge("database_replica_in_use") == 0);
        assertThat(gauge("database_replica_lag_seconds")).isGreaterThan(3.0);
        assertThat(risk.get(list(trader)).body()).as("from the primary").contains(second);
    }

    @Test
    @Order(2)
    void aReplicaThatIsDownIsSkippedAndTakenBack() {
        String trader = "replica-down-" + UUID.randomUUID();
        String id = start(trader);
        clusters.stop(replica);
        Poll.until("lists answer from the primary", WAIT, () -> {
            Answer answer = risk.get(list(trader));
            return answer.status() == 200 && answer.body().contains(id);
        });
        Poll.until("the stopped replica is skipped", WAIT, () -> gauge("database_replica_in_use") == 0);
        assertThat(gauge("database_replica_lag_seconds")).isEqualTo(-1.0);
        for (int i = 0; i < 5; i++) {
            Answer answer = risk.get(list(trader));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains(id);
        }

        clusters.start(replica);
        Poll.until("the replica is taken back", WAIT, () -> gauge("database_replica_in_use") == 1);
        assertThat(risk.get(list(trader)).body()).contains(id);
    }

    @Test
    @Order(3)
    void theReplicaPromotedWhileEventsFlowTakesOverWithNothingAcknowledgedLostOrAppliedTwice() throws Exception {
        // An acknowledged commit survives the primary's death only once the replica has it: synchronous.
        try (Connection db = primary.connect("postgres"); Statement statement = db.createStatement()) {
            statement.execute("ALTER SYSTEM SET synchronous_standby_names = '*'");
            statement.execute("SELECT pg_reload_conf()");
        }
        String challenge = start("failover-" + UUID.randomUUID());
        Instant at = Instant.now().minusSeconds(3_000);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> refused = new LinkedHashSet<>();
        AtomicBoolean promoted = new AtomicBoolean();
        Thread drill = new Thread(() -> {
            Poll.until("some events acknowledged", WAIT, () -> acknowledged.size() >= 20);
            clusters.kill(primary);
            clusters.promote(replica);
            promoted.set(true);
        });
        drill.start();
        int number = 0;
        int afterPromotion = 0;
        while (afterPromotion < 20) {
            String trade = "f-" + ++number;
            String event = opened(trade, at.plusSeconds(number));
            // As a bridge does: a refused event is sent again, with the same id, before the next one.
            Poll.until("event " + trade + " acknowledged", Duration.ofSeconds(60), () -> {
                Answer answer = platform.post("challenges/" + challenge + "/events", event);
                if (answer.status() == 200) {
                    return true;
                }
                assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                refused.add(trade);
                return false;
            });
            acknowledged.add(trade);
            if (promoted.get()) {
                afterPromotion++;
            }
        }
        drill.join();
        LOG.info(acknowledged.size() + " events acknowledged across the failover, refused (503) first: " + refused);

        try (Connection db = replica.connect(DATABASE);
             PreparedStatement rows = db.prepareStatement("SELECT event_id, COUNT(*) FROM challenge_event"
                     + " WHERE challenge_id = ? AND type = 'TRADE_OPENED' GROUP BY event_id")) {
            rows.setString(1, challenge);
            Map<String, Integer> stored = new HashMap<>();
            try (ResultSet row = rows.executeQuery()) {
                while (row.next()) {
                    stored.put(row.getString(1), row.getInt(2));
                }
            }
            assertThat(stored.keySet()).as("every acknowledged event is on the new primary, nothing else")
                    .containsExactlyInAnyOrderElementsOf(acknowledged);
            assertThat(stored.values()).as("none applied twice").containsOnly(1);
        }
        assertThat(http.get("health/ready").status()).isEqualTo(200);
    }

    private static String opened(String trade, Instant at) {
        return """
                {"type": "TRADE_OPENED", "id": "%s", "at": "%s", "symbol": "EURUSD", "side": "BUY",
                 "volume": 1, "price": 1.1}""".formatted(trade, at);
    }

    private static String start(String trader) {
        Answer created = admin.post("challenges", "{\"planCode\": \"two-step-100k\", \"traderId\": \"" + trader
                + "\", \"startAt\": \"" + Instant.now().minusSeconds(3_600) + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getString("id");
    }

    private static String list(String trader) {
        return "challenges?traderId=" + trader;
    }

    private static int sessions(Cluster cluster, String application) throws SQLException {
        try (Connection db = cluster.connect("postgres");
             PreparedStatement count = db.prepareStatement(
                     "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?")) {
            count.setString(1, application);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static double gauge(String name) {
        Matcher value = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$").matcher(http.get("metrics").body());
        return value.find() ? Double.parseDouble(value.group(1)) : Double.NaN;
    }
}
