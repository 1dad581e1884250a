package ai.tradesense.application.internal;

import java.time.Duration;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import ai.tradesense.application.outbound.WebhookDispatch;
import ai.tradesense.application.outbound.WebhookTransport;

/** Claims due deliveries a few at a time, sends each, records the answer (at least once: docs/webhooks.md). */
@Stateless
public class DefaultWebhookDispatch implements WebhookDispatch {

    /** Few enough that a claim's time covers sending them all with the client's timeouts. */
    static final int CLAIM = 10;

    @Inject
    DeliveryClaims claims;

    @Inject
    WebhookTransport transport;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int deliverDue(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        int sent = 0;
        while (System.nanoTime() < deadline) {
            List<DeliveryClaims.Attempt> attempts = claims.claim(CLAIM);
            if (attempts.isEmpty()) {
                break;
            }
            for (DeliveryClaims.Attempt attempt : attempts) {
                claims.settle(attempt.deliveryId(), transport.post(attempt.url(), attempt.headers(), attempt.body()));
                sent++;
            }
        }
        return sent;
    }
}
