package ai.tradesense.infrastructure.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

import ai.tradesense.infrastructure.config.DatabaseSettings;

/**
 * The physical data source behind the container's connection pool. It reads the database settings
 * from MicroProfile Config and connects to PostgreSQL when {@code tradesense.db.url} is set, or to the
 * embedded H2 file in the data folder when it is not — decided once, by configuration, never by
 * falling back: a configured PostgreSQL that is down fails the connection attempt.
 */
public class TradesenseDataSource implements DataSource {

    private volatile DataSource target;
    private PrintWriter logWriter;
    private int loginTimeout;

    private DataSource target() throws SQLException {
        DataSource current = target;
        if (current == null) {
            synchronized (this) {
                current = target;
                if (current == null) {
                    current = createTarget();
                    target = current;
                }
            }
        }
        return current;
    }

    /** The driver's data source this pool connects through. */
    protected DataSource createTarget() throws SQLException {
        return DatabaseSettings.fromConfig().createDataSource();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    /** The pool passes its own user and password; ours come from configuration. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target().getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
