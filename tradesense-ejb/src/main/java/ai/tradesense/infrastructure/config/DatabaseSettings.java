package ai.tradesense.infrastructure.config;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the database is: PostgreSQL when {@code tradesense.db.url} is set (production mode), else an
 * H2 file under {@code tradesense.data.dir} (embedded mode).
 *
 * @param url      the JDBC URL, never blank
 * @param user     may be blank
 * @param password may be blank
 * @param embedded true for the H2 file of embedded mode
 */
public record DatabaseSettings(String url, String user, String password, boolean embedded) {

    public static final String URL = "tradesense.db.url";
    public static final String USER = "tradesense.db.user";
    public static final String PASSWORD = "tradesense.db.password";
    public static final String DATA_DIR = "tradesense.data.dir";
    public static final String READ_URL = "tradesense.db.read-url";
    public static final String READ_USER = "tradesense.db.read-user";
    public static final String READ_PASSWORD = "tradesense.db.read-password";
    public static final String READ_MAX_LAG = "tradesense.db.read-max-lag-seconds";
    /** The name the primary's and the replica's sessions show in pg_stat_activity. */
    public static final String PRIMARY_APPLICATION = "tradesense";
    public static final String REPLICA_APPLICATION = "tradesense-read";

    /** Seconds a connection attempt may take before the database counts as down. */
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    public static DatabaseSettings fromConfig() {
        Config config = ConfigProvider.getConfig(DatabaseSettings.class.getClassLoader());
        String url = config.getOptionalValue(URL, String.class).map(String::strip).orElse("");
        String user = config.getOptionalValue(USER, String.class).orElse("");
        String password = config.getOptionalValue(PASSWORD, String.class).orElse("");
        if (!url.isEmpty()) {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalStateException(URL + " must be a jdbc:postgresql: URL");
            }
            return new DatabaseSettings(url, user, password, false);
        }
        Path dataDir = Path.of(config.getOptionalValue(DATA_DIR, String.class).orElse("data"))
                .toAbsolutePath().normalize();
        String h2 = "jdbc:h2:file:" + dataDir.resolve("h2").resolve("tradesense")
                + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";
        return new DatabaseSettings(h2, "sa", "", true);
    }

    /**
     * The read replica of {@code tradesense.db.read-url}, with the primary's user and password unless it
     * has its own; empty when none is set. Embedded mode has none (SettingRules refuses the setting there).
     */
    public static Optional<DatabaseSettings> replicaFromConfig() {
        Config config = ConfigProvider.getConfig(DatabaseSettings.class.getClassLoader());
        String url = config.getOptionalValue(READ_URL, String.class).map(String::strip).orElse("");
        DatabaseSettings primary = fromConfig();
        if (url.isEmpty() || primary.embedded()) {
            return Optional.empty();
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(READ_URL + " must be a jdbc:postgresql: URL");
        }
        String user = config.getOptionalValue(READ_USER, String.class).filter(s -> !s.isBlank()).orElse(primary.user());
        String password = config.getOptionalValue(READ_PASSWORD, String.class).filter(s -> !s.isBlank())
                .orElse(primary.password());
        return Optional.of(new DatabaseSettings(url, user, password, false));
    }

    /** A JDBC URL safe to log: no password, no query parameters. */
    public String describe() {
        int query = url.indexOf('?');
        int semicolon = url.indexOf(';');
        int cut = embedded ? semicolon : query;
        return cut < 0 ? url : url.substring(0, cut);
    }

    public DataSource createDataSource() throws SQLException {
        return createDataSource(PRIMARY_APPLICATION);
    }

    /** The driver's data source, its sessions named {@code application} on the server. */
    public DataSource createDataSource(String application) throws SQLException {
        if (embedded) {
            return h2DataSource();
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        if (!user.isBlank()) {
            pg.setUser(user);
        }
        if (!password.isBlank()) {
            pg.setPassword(password);
        }
        pg.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        pg.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        pg.setApplicationName(application);
        // A JDBC batch of inserts goes as multi-row INSERTs: far fewer round trips and statements to parse.
        pg.setReWriteBatchedInserts(true);
        return pg;
    }

    /** Payara Micro bundles H2; it is loaded reflectively so the WARs need not ship their own copy. */
    private DataSource h2DataSource() throws SQLException {
        try {
            Class<?> type = Class.forName("org.h2.jdbcx.JdbcDataSource", true,
                    DatabaseSettings.class.getClassLoader());
            DataSource h2 = (DataSource) type.getDeclaredConstructor().newInstance();
            type.getMethod("setURL", String.class).invoke(h2, url);
            type.getMethod("setUser", String.class).invoke(h2, user);
            type.getMethod("setPassword", String.class).invoke(h2, password);
            return h2;
        } catch (ReflectiveOperationException e) {
            throw new SQLException("the embedded H2 database is not available in this runtime", e);
        }
    }
}
