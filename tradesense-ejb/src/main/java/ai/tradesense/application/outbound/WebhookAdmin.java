package ai.tradesense.application.outbound;

import java.time.Instant;
import java.util.List;

import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.model.TimeWindow;
import ai.tradesense.domain.model.outbound.Delivery;

/** Admins manage webhook subscriptions and their secrets, and see and replay deliveries. */
public interface WebhookAdmin {

    /**
     * What an admin asks of a subscription.
     *
     * @param active null means true on creation and unchanged on update
     * @param secret null to have one generated (creation only)
     */
    record SubscriptionRequest(String url, List<String> eventTypes, String description, Boolean active,
                               String secret) { }

    /** A signing key without its secret. */
    record KeyView(String keyId, Instant createdAt, Instant retiredAt) { }

    record SubscriptionView(String id, String url, List<String> eventTypes, String description, boolean active,
                            Instant createdAt, Instant updatedAt, List<KeyView> keys) { }

    /** A secret as it is shown, once: at creation or rotation. */
    record IssuedSecret(String keyId, String secret) { }

    record Created(SubscriptionView subscription, IssuedSecret secret) { }

    record DeliveryView(String id, String subscriptionId, String eventId, String eventType, String subject,
                        Delivery.Status status, int attempts, Instant nextAttemptAt, Integer lastStatus,
                        String lastError, Instant createdAt, Instant deliveredAt) { }

    Created create(SubscriptionRequest request);

    List<SubscriptionView> list();

    SubscriptionView find(String id);

    SubscriptionView update(String id, SubscriptionRequest request);

    void delete(String id);

    /** A new newest key (the given secret, or a generated one); the others sign until the grace ends. */
    IssuedSecret rotate(String id, String secret);

    /** Newest first; {@code window} on when the delivery was made (its event was written). */
    Page<DeliveryView> deliveries(Delivery.Status status, String subscriptionId, TimeWindow window, int page, int size);

    /** The delivery is PENDING again and due now: a new attempt with the same CloudEvents id. */
    DeliveryView replay(String id);
}
