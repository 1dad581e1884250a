package ai.tradesense.application.outbound;

import java.time.Duration;

/** The worker's side of webhooks: sends the deliveries that are due. */
public interface WebhookDispatch {

    /**
     * Sends due deliveries, a few claimed at a time, until none is due or {@code budget} is spent.
     *
     * @return attempts made
     */
    int deliverDue(Duration budget);
}
