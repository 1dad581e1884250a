package ai.tradesense.application.challenge;

import jakarta.ejb.ApplicationException;

/** An event older than the challenge's last applied event: time never goes backwards. */
@ApplicationException(rollback = true)
public class EventOutOfOrderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;

    public EventOutOfOrderException(String path, String message) {
        super(message);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
