package ai.tradesense.domain.rules;

import java.util.Objects;

/**
 * An event (or a review decision, or a staff action) that cannot be applied to the account as it stands. Thrown before
 * anything changes: the account keeps its state, and {@link #field()} names what was wrong.
 */
public class EventRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the event was refused. */
    public enum Reason {
        /** {@code at} is earlier than the account's last event: time never goes backwards (409). */
        OUT_OF_ORDER,
        /** A close for a trade that is not open on the account. */
        UNKNOWN_TRADE,
        /** An open for a trade id that is already open. */
        TRADE_ALREADY_OPEN,
        /** A number no platform can mean: non-positive volume or price, negative equity, beyond 10^12. */
        INVALID_NUMBER,
        /** A field the event needs is missing. */
        MISSING_FIELD,
        /** A review decision for a challenge that is not waiting for one. */
        NOT_PENDING_REVIEW,
        /**
         * A staff action ({@link ManualAction}) the challenge does not allow as it stands, e.g. resuming a
         * challenge that is not paused or failing one that is already over.
         */
        NOT_ALLOWED
    }

    private final Reason reason;
    private final String field;

    public EventRejectedException(Reason reason, String field, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The name of the offending field of the event, as in the event JSON. */
    public String field() {
        return field;
    }
}
