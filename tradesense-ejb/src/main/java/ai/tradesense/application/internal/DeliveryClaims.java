package ai.tradesense.application.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import ai.tradesense.application.outbound.Backoff;
import ai.tradesense.application.outbound.CloudEvents;
import ai.tradesense.application.outbound.WebhookSignature;
import ai.tradesense.application.outbound.WebhookTransport;
import ai.tradesense.application.outbound.WebhookType;
import ai.tradesense.domain.model.outbound.Delivery;
import ai.tradesense.domain.model.outbound.OutboxEntry;
import ai.tradesense.domain.model.outbound.Subscription;
import ai.tradesense.domain.model.outbound.WebhookRepository;

/**
 * The two short transactions around a webhook attempt: claiming due deliveries (locked with SKIP LOCKED,
 * then moved ahead by the claim time so no other worker sends them meanwhile), and recording what the
 * receiver answered. The request itself is sent between them, outside any transaction.
 */
@Stateless
public class DeliveryClaims {

    private static final Logger LOG = Logger.getLogger(DeliveryClaims.class.getName());

    @Inject
    WebhookRepository webhooks;

    @Inject
    CloudEvents cloudEvents;

    @Inject
    WebhookSettings settings;

    @Inject
    Clock clock;

    /** A claimed attempt: where to send what. */
    public record Attempt(String deliveryId, URI url, Map<String, String> headers, String body) { }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Attempt> claim(int limit) {
        Instant now = clock.instant();
        List<Attempt> attempts = new ArrayList<>();
        for (Delivery delivery : webhooks.lockDue(now, limit)) {
            Optional<Subscription> subscription = webhooks.subscription(delivery.subscriptionId());
            Optional<OutboxEntry> entry = webhooks.entry(delivery.outboxId());
            if (subscription.isEmpty() || !subscription.get().active() || entry.isEmpty()) {
                delivery.failed(0, "subscription inactive or removed", null);
                continue;
            }
            delivery.claim(now.plus(settings.claim()));
            attempts.add(attempt(delivery, subscription.get(), entry.get(), now));
        }
        return attempts;
    }

    private Attempt attempt(Delivery delivery, Subscription subscription, OutboxEntry entry, Instant now) {
        String body = cloudEvents.envelope(entry.id(), settings.source(),
                WebhookType.CLOUD_EVENT_PREFIX + entry.type(), entry.subject(),
                entry.occurredAt(), entry.data());
        long timestamp = now.getEpochSecond();
        List<WebhookSignature.Key> keys = webhooks.secrets(subscription.id()).stream()
                .filter(s -> s.signsAt(now))
                .map(s -> new WebhookSignature.Key(s.keyId(), s.secret()))
                .toList();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", entry.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.header(keys, timestamp, body));
        return new Attempt(delivery.id(), URI.create(subscription.url()), headers, body);
    }

    /** What the receiver answered: delivered on 2xx, else tried again after the backoff, or DEAD. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void settle(String deliveryId, WebhookTransport.Response response) {
        Instant now = clock.instant();
        webhooks.lockDelivery(deliveryId).ifPresent(delivery -> {
            if (delivery.status() != Delivery.Status.PENDING) {
                return;
            }
            if (response.delivered()) {
                delivery.delivered(response.status(), now);
                return;
            }
            int attempts = delivery.attempts() + 1;
            Backoff backoff = settings.backoff();
            Instant next = backoff.exhausted(attempts) ? null
                    : now.plus(backoff.delay(attempts, ThreadLocalRandom.current().nextDouble()));
            String error = response.error() != null ? response.error() : "HTTP " + response.status();
            delivery.failed(response.status(), error, next);
            if (next == null) {
                LOG.log(Level.WARNING, "Webhook delivery {0} is DEAD after {1} attempts: {2}",
                        new Object[] {deliveryId, attempts, error});
            }
        });
    }
}
