package ai.tradesense.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.tradesense.application.challenge.ChallengeChanged;
import ai.tradesense.application.outbound.CloudEvents;
import ai.tradesense.application.outbound.CommandOrder;
import ai.tradesense.application.outbound.Notice;
import ai.tradesense.application.outbound.OutboundEvents;
import ai.tradesense.application.outbound.WebhookType;
import ai.tradesense.domain.model.outbound.Delivery;
import ai.tradesense.domain.model.outbound.OutboxEntry;
import ai.tradesense.domain.model.outbound.PlatformCommand;
import ai.tradesense.domain.model.outbound.PlatformCommandRepository;
import ai.tradesense.domain.model.outbound.Subscription;
import ai.tradesense.domain.model.outbound.WebhookRepository;

/**
 * Writes what a change means outside (webhooks to the outbox with a delivery per subscription that wants
 * them, enforcement commands) in the caller's transaction, so they commit or roll back with the change.
 */
@ApplicationScoped
class OutboxWriter {

    private static final Logger LOG = Logger.getLogger(OutboxWriter.class.getName());

    @Inject
    WebhookRepository webhooks;

    @Inject
    PlatformCommandRepository commands;

    @Inject
    CloudEvents cloudEvents;

    @Inject
    Clock clock;

    /** The webhooks and commands of a change about to be committed (see {@link OutboundEvents#of}). */
    void record(ChallengeChanged change) {
        OutboundEvents.Planned planned = OutboundEvents.of(change);
        if (planned.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Subscription> subscriptions = webhooks.subscriptions();
        planned.notices().forEach(notice -> write(UUID.randomUUID().toString(), notice, subscriptions, now));
        for (CommandOrder order : planned.commands()) {
            String eventId = UUID.randomUUID().toString();
            PlatformCommand command = new PlatformCommand(commands.nextSeq(), order.challengeId(), order.planCode(),
                    order.kind().name(), order.until(), order.reason(), eventId, now);
            commands.add(command);
            LOG.log(Level.INFO, "Platform command {0}: {1} for challenge {2} ({3})",
                    new Object[] {command.seq(), command.command(), command.challengeId(), command.reason()});
            write(eventId, new Notice(WebhookType.PLATFORM_COMMAND, order.challengeId(), order.at(),
                    new Notice.CommandIssued(PlatformCommandViews.of(command))), subscriptions, now);
        }
    }

    /** A notice outside a change's messages (a challenge started). */
    void record(Notice notice) {
        write(UUID.randomUUID().toString(), notice, webhooks.subscriptions(), clock.instant());
    }

    private void write(String id, Notice notice, List<Subscription> subscriptions, Instant now) {
        String type = notice.type().wireName();
        webhooks.add(new OutboxEntry(id, type, notice.challengeId(), cloudEvents.data(notice), notice.at(), now));
        for (Subscription subscription : subscriptions) {
            if (subscription.wants(type)) {
                webhooks.add(new Delivery(UUID.randomUUID().toString(), subscription.id(), id, now));
            }
        }
    }
}
