package ai.tradesense.interfaces;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import ai.tradesense.application.NodeStatus;
import ai.tradesense.application.SharedStoreHealth;

/** Says at start-up, loudly, which mode this node runs in and where its data lives. */
@ApplicationScoped
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

    @Inject
    NodeStatus node;

    @Inject
    SharedStoreHealth sharedStore;

    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (node.embedded()) {
            LOG.log(Level.WARNING, """

                    ************************************************************************
                    *  TradeSense is running in EMBEDDED MODE                               *
                    *  database: H2 file {0}
                    *  Redis: in-process stand-ins ({1})
                    *  One node only, for trying TradeSense out: NOT FOR PRODUCTION.        *
                    *  Set TRADESENSE_DB_URL and TRADESENSE_REDIS_URL for production mode.  *
                    ************************************************************************""",
                    new Object[] {node.databaseDescription(),
                            sharedStore.isShared() ? "Redis configured" : "no TRADESENSE_REDIS_URL"});
        } else {
            LOG.log(Level.INFO, "TradeSense production mode: database {0}, Redis {1}",
                    new Object[] {node.databaseDescription(),
                            sharedStore.isShared() ? "configured" : "NOT configured (in-process stand-ins, one node only)"});
        }
    }
}
