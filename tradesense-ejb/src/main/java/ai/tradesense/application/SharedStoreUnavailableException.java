package ai.tradesense.application;

/** The shared store (Redis) cannot be reached right now. */
public class SharedStoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SharedStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
