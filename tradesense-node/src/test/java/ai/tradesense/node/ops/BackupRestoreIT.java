package ai.tradesense.node.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.tradesense.node.Launcher;
import ai.tradesense.node.Launcher.RunningNode;
import ai.tradesense.node.NodeOptions;
import ai.tradesense.node.Nodes;
import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.TestServices;

/**
 * docker/backup/backup.sh and restore.sh, end to end: a node on a database of its own records
 * challenges, trades and audit trails; the database is backed up while the node runs, wiped, restored
 * by the script, and a new node on it finds every challenge, trade and intact audit chain.
 */
class BackupRestoreIT {

    private static final Duration BOOT = Duration.ofMinutes(3);
    private static final Duration SCRIPT = Duration.ofMinutes(2);
    private static final List<String> TABLES = List.of("challenge", "challenge_event", "trade", "audit_entry",
            "plan_version", "app_user", "api_key");

    private TestServices.Database server;
    private String database;
    private String url;
    private Path work;

    @BeforeEach
    void freshDatabase() throws Exception {
        server = TestServices.postgres();
        database = "tradesense_backup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        url = withDatabase(server.url(), database);
        admin("CREATE DATABASE " + database);
        work = Files.createDirectories(Path.of("target", "system-tests").toAbsolutePath())
                .resolve("backup-" + database);
        Files.createDirectories(work);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void restoresEveryChallengeTradeAndAuditChainFromABackup() throws Exception {
        NodeOptions options = Nodes.runCommandDefaults("backup")
                .withSetting("tradesense.db.url", url)
                .withSetting("tradesense.db.user", server.user())
                .withSetting("tradesense.db.password", server.password())
                .withSetting("tradesense.redis.url", TestServices.redis());

        Map<String, JsonObject> before = new LinkedHashMap<>();
        Map<String, List<String>> eventsBefore = new LinkedHashMap<>();
        Map<String, List<String>> rowsBefore;
        Path archive = work.resolve("tradesense.dump");
        String platformKey;

        RunningNode first = Launcher.start(options);
        try {
            first.awaitReady(BOOT);
            Http admin = Accounts.admin(new Http(first.baseUri().resolve("api/v1/")));
            Http platform = Accounts.platform(admin);
            platformKey = platform.header("X-API-Key");

            String winner = challenge(admin, "backup-winner");
            for (int i = 0; i < 6; i++) {
                Instant at = Instant.parse("2026-03-02T09:00:00Z").plusSeconds(600L * i);
                events(platform, winner, """
                        [ {"type": "TRADE_OPENED", "id": "w-%1$d", "at": "%2$s", "symbol": "EURUSD", "side": "BUY",
                           "volume": 1.5, "price": 1.0851},
                          {"type": "EQUITY", "id": "we-%1$d", "at": "%3$s", "equity": 100123.45},
                          {"type": "TRADE_CLOSED", "id": "w-%1$d", "at": "%4$s", "price": 1.0862, "profit": 250.125} ]"""
                        .formatted(i, at, at.plusSeconds(60), at.plusSeconds(120)));
            }
            String open = challenge(admin, "backup-open");
            events(platform, open, """
                    [ {"type": "TRADE_OPENED", "id": "o-1", "at": "2026-03-02T10:00:00Z", "symbol": "XAUUSD", "side": "SELL",
                       "volume": 0.25, "price": 2011.5},
                      {"type": "EQUITY", "at": "2026-03-02T10:30:00Z", "equity": 97250.5} ]""");
            String failed = challenge(admin, "backup-failed");
            events(platform, failed, """
                    [ {"type": "TRADE_OPENED", "id": "f-1", "at": "2026-03-02T10:00:00Z", "symbol": "NQ", "side": "BUY",
                       "volume": 2, "price": 18000},
                      {"type": "EQUITY", "at": "2026-03-02T10:05:00Z", "equity": 89000} ]""");

            for (String id : List.of(winner, open, failed)) {
                before.put(id, admin.get("challenges/" + id).json());
                eventsBefore.put(id, eventLines(admin, id));
                assertThat(admin.get("challenges/" + id + "/audit/verify").json().getBoolean("valid")).isTrue();
            }
            assertThat(before.get(failed).getString("status")).isEqualTo("FAILED");
            assertThat(before.get(open).getInt("openTrades")).isEqualTo(1);
            assertThat(before.get(winner).getJsonNumber("balance").bigDecimalValue()).isEqualByComparingTo("101500.75");

            // The backup runs while the node serves: pg_dump reads one snapshot.
            Result backup = script("backup.sh", "-o", archive.toString(), url);
            assertThat(backup.exitCode()).as(backup.output()).isZero();
            assertThat(backup.output()).contains("backup: " + archive);
            rowsBefore = rows();
        } finally {
            first.stop();
        }
        assertThat(rowsBefore.get("trade")).hasSize(8);
        assertThat(rowsBefore.get("audit_entry")).isNotEmpty();

        // Wipe: the database is dropped and created again, empty.
        admin("DROP DATABASE " + database + " WITH (FORCE)");
        admin("CREATE DATABASE " + database);
        assertThat(rows().get("challenge")).as("the wiped database has no challenge table").isNull();

        Result restore = script("restore.sh", archive.toString(), url);
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("3 challenges, 8 trades");
        assertThat(rows()).isEqualTo(rowsBefore);

        Result again = script("restore.sh", archive.toString(), url);
        assertThat(again.exitCode()).as("a second restore into the now non-empty database").isEqualTo(3);
        assertThat(again.output()).contains("is not empty").contains("refusing");
        assertThat(rows()).isEqualTo(rowsBefore);

        RunningNode second = Launcher.start(options.withLogFile(options.logFile().resolveSibling("backup-restored.log")));
        try {
            second.awaitReady(BOOT);
            Http admin = Accounts.admin(new Http(second.baseUri().resolve("api/v1/")));
            for (Map.Entry<String, JsonObject> challenge : before.entrySet()) {
                String id = challenge.getKey();
                JsonObject was = challenge.getValue();
                JsonObject is = admin.get("challenges/" + id).json();
                for (String field : List.of("status", "traderId", "planCode")) {
                    assertThat(is.getString(field)).as(id + " " + field).isEqualTo(was.getString(field));
                }
                for (String field : List.of("balance", "equity", "maxLossFloor")) {
                    assertThat(is.getJsonNumber(field).bigDecimalValue()).as(id + " " + field)
                            .isEqualByComparingTo(was.getJsonNumber(field).bigDecimalValue());
                }
                assertThat(is.getInt("seq")).as(id + " seq").isEqualTo(was.getInt("seq"));
                assertThat(is.getInt("openTrades")).as(id + " open trades").isEqualTo(was.getInt("openTrades"));
                assertThat(eventLines(admin, id)).as(id + " events").isEqualTo(eventsBefore.get(id));
                JsonObject verdict = admin.get("challenges/" + id + "/audit/verify").json();
                assertThat(verdict.getBoolean("valid")).as(id + " audit chain: " + verdict).isTrue();
            }
            // The platform's key came back with the data: the bridge carries on where it stopped.
            String open = new ArrayList<>(before.keySet()).get(1);
            Http platform = new Http(second.baseUri().resolve("api/v1/")).apiKey(platformKey);
            Http.Answer next = platform.post("challenges/" + open + "/events", """
                    {"type": "TRADE_CLOSED", "id": "o-1", "at": "2026-03-02T11:00:00Z", "price": 2001.5, "profit": 250}""");
            assertThat(next.status()).as(next.body()).isEqualTo(200);
            JsonObject after = admin.get("challenges/" + open).json();
            assertThat(after.getInt("seq")).isEqualTo(before.get(open).getInt("seq") + 1);
            assertThat(after.getInt("openTrades")).isZero();
        } finally {
            second.stop();
        }
    }

    private static String challenge(Http admin, String trader) {
        Http.Answer created = admin.post("challenges",
                "{\"planCode\": \"two-step-100k\", \"traderId\": \"" + trader + "\", \"startAt\": \"2026-03-02T08:00:00Z\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getString("id");
    }

    private static void events(Http platform, String id, String batch) {
        Http.Answer answer = platform.post("challenges/" + id + "/events", batch);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** The recorded events of a challenge as comparable lines. */
    private static List<String> eventLines(Http api, String id) {
        return api.get("challenges/" + id + "/events?limit=1000").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(JsonObject::toString).toList();
    }

    /** Every row of the tables that hold the business, in key order; a table that does not exist maps to null. */
    private Map<String, List<String>> rows() throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, server.user(), server.password());
             Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                if (!exists(connection, table)) {
                    rows.put(table, null);
                    continue;
                }
                List<String> lines = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                    ResultSetMetaData columns = result.getMetaData();
                    while (result.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            line.append(columns.getColumnName(c)).append('=').append(result.getString(c)).append(';');
                        }
                        lines.add(line.toString());
                    }
                }
                rows.put(table, lines);
            }
        }
        return rows;
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, "public", table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    private void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(withDatabase(server.url(), "postgres"),
                server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private record Result(int exitCode, String output) { }

    /** Runs one of docker/backup's scripts with the test database's credentials in the environment. */
    private Result script(String name, String... arguments) throws IOException, InterruptedException {
        Path script = projectRoot().resolve("docker/backup").resolve(name);
        assertThat(script).isRegularFile();
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        Path log = work.resolve(name + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TRADESENSE_DB_USER", server.user());
        builder.environment().put("TRADESENSE_DB_PASSWORD", server.password());
        builder.environment().remove("TRADESENSE_DB_URL");
        Process process = builder.start();
        if (!process.waitFor(SCRIPT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish within " + SCRIPT.toSeconds() + " s; see " + log);
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docker/backup"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docker/backup above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** The same JDBC URL with another database name (query parameters kept). */
    private static String withDatabase(String jdbcUrl, String name) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "jdbc:postgresql://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/" + name + query;
    }
}
