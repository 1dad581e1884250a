package ai.tradesense.application.internal;

import ai.tradesense.application.outbound.CommandKind;
import ai.tradesense.application.outbound.PlatformCommandView;
import ai.tradesense.domain.model.outbound.PlatformCommand;

/** A stored command as the platform reads it. */
final class PlatformCommandViews {

    private PlatformCommandViews() {
    }

    static PlatformCommandView of(PlatformCommand command) {
        return new PlatformCommandView(command.seq(), command.challengeId(), CommandKind.valueOf(command.command()),
                command.until(), command.reason(), command.outboxId(), command.createdAt(), command.acknowledgedAt(),
                command.acknowledgedBy());
    }
}
