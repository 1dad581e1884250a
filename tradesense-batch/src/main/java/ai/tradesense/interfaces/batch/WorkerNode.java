package ai.tradesense.interfaces.batch;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import ai.tradesense.application.NodeStatus;

/** Announces the worker module and the database it will work on. */
@Singleton
@Startup
public class WorkerNode {

    private static final Logger LOG = Logger.getLogger(WorkerNode.class.getName());

    @Inject
    NodeStatus node;

    @PostConstruct
    void announce() {
        LOG.log(Level.INFO, "TradeSense worker module started on database {0} (ready: {1})",
                new Object[] {node.databaseDescription(), node.databaseReady()});
    }
}
