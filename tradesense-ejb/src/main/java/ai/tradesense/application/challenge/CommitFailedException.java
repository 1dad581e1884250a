package ai.tradesense.application.challenge;

/**
 * The transaction that held a request's events could not commit (it was shared with other requests):
 * nothing of the request was applied or acknowledged, and it may be sent again.
 */
public class CommitFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommitFailedException(Throwable cause) {
        super("the events could not be committed; nothing was applied, send them again", cause);
    }
}
