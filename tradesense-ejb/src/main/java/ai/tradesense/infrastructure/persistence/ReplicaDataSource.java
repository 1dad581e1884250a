package ai.tradesense.infrastructure.persistence;

import java.sql.SQLException;
import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import ai.tradesense.infrastructure.config.DatabaseSettings;

/**
 * The physical data source behind the read pool: the streaming replica of {@code tradesense.db.read-url},
 * its sessions read-only and named {@value DatabaseSettings#REPLICA_APPLICATION}. Without the setting the
 * pool exists but is never asked for a connection.
 */
public class ReplicaDataSource extends TradesenseDataSource {

    @Override
    protected DataSource createTarget() throws SQLException {
        DatabaseSettings replica = DatabaseSettings.replicaFromConfig()
                .orElseThrow(() -> new SQLException("no read replica is configured (" + DatabaseSettings.READ_URL + ")"));
        DataSource target = replica.createDataSource(DatabaseSettings.REPLICA_APPLICATION);
        if (target instanceof PGSimpleDataSource pg) {
            pg.setReadOnly(true);
        }
        return target;
    }
}
