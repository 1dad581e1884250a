package ai.tradesense.interfaces.batch;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import ai.tradesense.application.NodeStatus;
import ai.tradesense.application.outbound.WebhookDispatch;

/**
 * Sends due webhooks every two seconds on every worker node (a timer that is not persistent fires on each);
 * the deliveries' claims keep two nodes from sending the same attempt. Not a batch job: a job execution
 * every two seconds would fill the job repository with nothing.
 */
@Singleton
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    /** A pass ends within this so a node that stops is not held up by a long queue. */
    private static final Duration PASS = Duration.ofSeconds(20);

    @Inject
    WebhookDispatch dispatch;

    @Inject
    NodeStatus node;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "webhooks")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void deliver() {
        if (!node.databaseReady()) {
            return;
        }
        try {
            int sent = dispatch.deliverDue(PASS);
            if (sent > 0) {
                LOG.log(Level.FINE, "Webhooks: {0} attempts", sent);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook delivery pass failed; the next pass retries", e);
        }
    }
}
