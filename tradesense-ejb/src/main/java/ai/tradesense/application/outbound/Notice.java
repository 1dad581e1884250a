package ai.tradesense.application.outbound;

import java.time.Instant;
import java.util.Objects;

import ai.tradesense.application.payout.PayoutView;
import ai.tradesense.application.risk.AlertView;
import ai.tradesense.domain.rules.Outcome;

/**
 * One outbound event before it is written to the outbox: its type, the challenge it is about, when it
 * happened and what it says.
 */
public record Notice(WebhookType type, String challengeId, Instant at, Body body) {

    public Notice {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(challengeId, "challengeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(body, "body");
    }

    /** What an outbound event says, by kind; written as the CloudEvent's {@code data}. */
    public sealed interface Body { }

    /** A challenge was started. */
    public record Started(String traderId, String planCode, int planVersion, Instant startAt) implements Body { }

    /** The engine reported an outcome (a change of status, a conduct violation...) at event {@code seq}. */
    public record Changed(String traderId, String planCode, long seq, Outcome outcome) implements Body { }

    /** An alert for risk staff was raised. */
    public record AlertRaised(AlertView alert) implements Body { }

    /** A payout request was made or paid (the ledger row as it stands). */
    public record PayoutStep(PayoutView payout) implements Body { }

    /** An enforcement command for the platform, as stored (with its seq). */
    public record CommandIssued(PlatformCommandView command) implements Body { }
}
