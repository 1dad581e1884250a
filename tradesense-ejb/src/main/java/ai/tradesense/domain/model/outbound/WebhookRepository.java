package ai.tradesense.domain.model.outbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.model.TimeWindow;

/** Subscriptions, their secrets, the outbox and the deliveries. */
public interface WebhookRepository {

    void add(Subscription subscription);

    void add(SigningSecret secret);

    void add(OutboxEntry entry);

    void add(Delivery delivery);

    Optional<Subscription> subscription(String id);

    /** All subscriptions, oldest first (a firm has a handful). */
    List<Subscription> subscriptions();

    /** Removes it with its secrets and deliveries. */
    void remove(Subscription subscription);

    /** The subscription's secrets, newest first. */
    List<SigningSecret> secrets(String subscriptionId);

    Optional<OutboxEntry> entry(String id);

    Optional<Delivery> lockDelivery(String id);

    /**
     * Locks up to {@code limit} PENDING deliveries due at {@code now}, oldest due first, skipping rows another
     * transaction holds (so workers never take the same one), for the caller to claim in its transaction.
     */
    List<Delivery> lockDue(Instant now, int limit);

    /** Newest first, each filter optional; {@code window} on the delivery's creation. */
    Page<Delivery> deliveries(Delivery.Status status, String subscriptionId, TimeWindow window, int page, int size);
}
