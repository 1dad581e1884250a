package ai.tradesense.application.outbound;

import java.time.Instant;
import java.util.Objects;

/**
 * An enforcement command a change calls for, before it has its seq.
 *
 * @param until  when a suspension ends; null for {@link CommandKind#CLOSE_ALL_AND_DISABLE}
 * @param reason the rule behind it ({@code DAILY_LOSS}, {@code MANUAL}...)
 */
public record CommandOrder(String challengeId, String planCode, CommandKind kind, Instant until, String reason,
                           Instant at) {

    public CommandOrder {
        Objects.requireNonNull(challengeId, "challengeId");
        Objects.requireNonNull(planCode, "planCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
