package ai.tradesense.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import ai.tradesense.application.outbound.WebhookAdmin;
import ai.tradesense.application.security.SecretSource;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.model.TimeWindow;
import ai.tradesense.domain.model.outbound.Delivery;
import ai.tradesense.domain.model.outbound.OutboundNotFoundException;
import ai.tradesense.domain.model.outbound.OutboxEntry;
import ai.tradesense.domain.model.outbound.SigningSecret;
import ai.tradesense.domain.model.outbound.Subscription;
import ai.tradesense.domain.model.outbound.WebhookRepository;

@Stateless
public class DefaultWebhookAdmin implements WebhookAdmin {

    private static final Logger LOG = Logger.getLogger(DefaultWebhookAdmin.class.getName());

    @Inject
    WebhookRepository webhooks;

    @Inject
    SecretSource secrets;

    @Inject
    WebhookSettings settings;

    @Inject
    Clock clock;

    @Override
    public Created create(SubscriptionRequest request) {
        List<String> types = SubscriptionRules.check(request, true);
        Instant now = clock.instant();
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), request.url().strip(), types,
                description(request), request.active() == null || request.active(), now);
        webhooks.add(subscription);
        IssuedSecret secret = issue(subscription.id(), request.secret(), now);
        LOG.log(Level.INFO, "Webhook subscription {0} created for {1}: {2}",
                new Object[] {subscription.id(), subscription.url(), types});
        return new Created(view(subscription, List.of(new KeyView(secret.keyId(), now, null))), secret);
    }

    @Override
    public List<SubscriptionView> list() {
        return webhooks.subscriptions().stream().map(this::view).toList();
    }

    @Override
    public SubscriptionView find(String id) {
        return view(subscription(id));
    }

    @Override
    public SubscriptionView update(String id, SubscriptionRequest request) {
        Subscription subscription = subscription(id);
        if (request.secret() != null) {
            throw InvalidInputException.of("secret", Kind.VALUE, "is rotated with POST .../secrets, not changed here");
        }
        List<String> types = SubscriptionRules.check(request, false);
        subscription.change(request.url().strip(), types, description(request),
                request.active() == null ? subscription.active() : request.active(), clock.instant());
        LOG.log(Level.INFO, "Webhook subscription {0} changed: {1} {2} active={3}",
                new Object[] {id, subscription.url(), types, subscription.active()});
        return view(subscription);
    }

    @Override
    public void delete(String id) {
        webhooks.remove(subscription(id));
        LOG.log(Level.INFO, "Webhook subscription {0} removed", id);
    }

    @Override
    public IssuedSecret rotate(String id, String secret) {
        Subscription subscription = subscription(id);
        Instant now = clock.instant();
        SubscriptionRules.checkSecret(secret).ifPresent(v -> {
            throw new InvalidInputException(List.of(v));
        });
        for (SigningSecret older : webhooks.secrets(subscription.id())) {
            older.retire(now.plus(settings.secretGrace()));
        }
        IssuedSecret issued = issue(subscription.id(), secret, now);
        LOG.log(Level.INFO, "Webhook subscription {0}: new signing key {1}", new Object[] {id, issued.keyId()});
        return issued;
    }

    @Override
    public Page<DeliveryView> deliveries(Delivery.Status status, String subscriptionId, TimeWindow window, int page,
                                         int size) {
        return webhooks.deliveries(status, subscriptionId, window, page, size).map(this::view);
    }

    @Override
    public DeliveryView replay(String id) {
        Delivery delivery = webhooks.lockDelivery(id).orElseThrow(() -> new OutboundNotFoundException("delivery", id));
        delivery.replay(clock.instant());
        LOG.log(Level.INFO, "Webhook delivery {0} replayed (event {1})", new Object[] {id, delivery.outboxId()});
        return view(delivery);
    }

    private Subscription subscription(String id) {
        return webhooks.subscription(id).orElseThrow(() -> new OutboundNotFoundException("webhook subscription", id));
    }

    private IssuedSecret issue(String subscriptionId, String given, Instant now) {
        String secret = given != null ? given : "whsec_" + secrets.newSecret();
        String keyId = "wk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        webhooks.add(new SigningSecret(keyId, subscriptionId, secret, now));
        return new IssuedSecret(keyId, secret);
    }

    private static String description(SubscriptionRequest request) {
        return request.description() == null || request.description().isBlank() ? null : request.description().strip();
    }

    private SubscriptionView view(Subscription subscription) {
        return view(subscription, webhooks.secrets(subscription.id()).stream()
                .map(s -> new KeyView(s.keyId(), s.createdAt(), s.retiredAt())).toList());
    }

    private static SubscriptionView view(Subscription s, List<KeyView> keys) {
        return new SubscriptionView(s.id(), s.url(), s.eventTypes(), s.description(), s.active(), s.createdAt(),
                s.updatedAt(), keys);
    }

    private DeliveryView view(Delivery d) {
        OutboxEntry entry = webhooks.entry(d.outboxId()).orElse(null);
        return new DeliveryView(d.id(), d.subscriptionId(), d.outboxId(), entry == null ? null : entry.type(),
                entry == null ? null : entry.subject(), d.status(), d.attempts(), d.nextAttemptAt(), d.lastStatus(),
                d.lastError(), d.createdAt(), d.deliveredAt());
    }
}
