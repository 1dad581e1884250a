package ai.tradesense.application.payout;

/**
 * A step of a payout request, fired inside its transaction: the one place outbound notifications (the
 * {@code payout.requested} and {@code payout.paid} webhooks) hook in, observing it during or after the commit.
 */
public record PayoutChanged(Step step, PayoutView payout) {

    public enum Step { REQUESTED, APPROVED, PAID, REJECTED }
}
