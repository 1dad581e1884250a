package ai.tradesense.domain.model.challenge;

import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class ChallengeNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChallengeNotFoundException(String id) {
        super("no challenge with id '" + id + "'");
    }
}
