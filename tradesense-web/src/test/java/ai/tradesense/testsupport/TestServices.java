package ai.tradesense.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Finds the real PostgreSQL and Redis the container tests run against, in this order:
 * <ol>
 * <li>explicit settings: {@code TRADESENSE_TEST_DB_URL} (+ {@code _USER}, {@code _PASSWORD}) and
 *     {@code TRADESENSE_TEST_REDIS_URL};</li>
 * <li>the local services on 127.0.0.1:5432 and 127.0.0.1:6379 (database {@code tradesense_test} is
 *     created when missing; Redis database 15);</li>
 * <li>Testcontainers, where a Docker engine answers.</li>
 * </ol>
 * Otherwise it fails with a message that says what to do; it never skips.
 */
public final class TestServices {

    /** Connection settings of the test database. */
    public record Database(String url, String user, String password) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private static final String LOCAL_HOST = "127.0.0.1";
    private static final String TEST_DATABASE = "tradesense_test";

    private static Database database;
    private static String redisUrl;

    private TestServices() {
    }

    public static synchronized Database postgres() {
        if (database == null) {
            database = fromEnvironment().or(TestServices::localPostgres).or(TestServices::containerPostgres)
                    .orElseThrow(() -> new IllegalStateException("""
                            No PostgreSQL for the container tests. Set TRADESENSE_TEST_DB_URL (and _USER,
                            _PASSWORD), run PostgreSQL on 127.0.0.1:5432 (.ci/run starts it), or provide a
                            Docker engine for Testcontainers."""));
        }
        return database;
    }

    public static synchronized String redis() {
        if (redisUrl == null) {
            redisUrl = env("TRADESENSE_TEST_REDIS_URL").or(TestServices::localRedis)
                    .or(TestServices::containerRedis)
                    .orElseThrow(() -> new IllegalStateException("""
                            No Redis for the container tests. Set TRADESENSE_TEST_REDIS_URL, run Redis on
                            127.0.0.1:6379 (.ci/run starts it), or provide a Docker engine for Testcontainers."""));
        }
        return redisUrl;
    }

    /** Host and port of a redis:// URL. */
    public static InetSocketAddress address(String url) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url);
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    private static Optional<Database> fromEnvironment() {
        return env("TRADESENSE_TEST_DB_URL").map(url -> new Database(url,
                env("TRADESENSE_TEST_DB_USER").orElse(""), env("TRADESENSE_TEST_DB_PASSWORD").orElse("")));
    }

    private static Optional<Database> localPostgres() {
        if (!listening(5432)) {
            return Optional.empty();
        }
        String admin = "jdbc:postgresql://" + LOCAL_HOST + ":5432/postgres";
        try (Connection connection = DriverManager.getConnection(admin, "postgres", "");
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + TEST_DATABASE + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + TEST_DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL answers on " + LOCAL_HOST
                    + ":5432 but the test database could not be prepared: " + e.getMessage(), e);
        }
        return Optional.of(new Database("jdbc:postgresql://" + LOCAL_HOST + ":5432/" + TEST_DATABASE, "postgres", ""));
    }

    private static Optional<String> localRedis() {
        return listening(6379) ? Optional.of("redis://" + LOCAL_HOST + ":6379/15") : Optional.empty();
    }

    private static Optional<Database> containerPostgres() {
        if (!dockerAnswers()) {
            return Optional.empty();
        }
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
        container.start();
        return Optional.of(new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword()));
    }

    private static Optional<String> containerRedis() {
        if (!dockerAnswers()) {
            return Optional.empty();
        }
        GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        container.start();
        return Optional.of("redis://" + container.getHost() + ":" + container.getMappedPort(6379) + "/0");
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOCAL_HOST, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
