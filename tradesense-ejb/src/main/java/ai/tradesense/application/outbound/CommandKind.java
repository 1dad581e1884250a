package ai.tradesense.application.outbound;

/** What the trading platform must do to an account. */
public enum CommandKind {
    /** The challenge failed: close every position and disable trading for good. */
    CLOSE_ALL_AND_DISABLE,
    /** The challenge is paused: close every position and suspend trading until the command's {@code until}. */
    CLOSE_ALL_AND_SUSPEND
}
