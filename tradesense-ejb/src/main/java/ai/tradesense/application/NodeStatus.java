package ai.tradesense.application;

/** How this node stands: its mode, its database and its shared store, for health and metrics. */
public interface NodeStatus {

    /** A component's state and a sentence for operators. */
    record Check(boolean up, String detail) { }

    /** True in embedded mode (H2 file), false with PostgreSQL. */
    boolean embedded();

    /** The database URL without credentials. */
    String databaseDescription();

    /**
     * True when the schema is current and requests may use the database; retries a migration that
     * could not run yet (the database was down), at most every few seconds.
     */
    boolean databaseReady();

    /** Readiness of the database: migrated and answering now. */
    Check database();

    /** Availability of the shared store; a Redis that is down degrades the node, it does not stop it. */
    Check sharedStore();

    /** Connections the persistence unit holds now, divided by the pool's maximum. */
    double databasePoolUsage();

    /** Seconds the read replica is behind the primary; -1 without one, or while it cannot be asked. */
    double replicaLagSeconds();

    /** True while read-side queries go to the read replica. */
    boolean replicaInUse();
}
