package ai.tradesense.domain.model.identity;

import jakarta.ejb.ApplicationException;

/** No user or API key with this id. */
@ApplicationException(rollback = true)
public class UserNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserNotFoundException(String id) {
        super("nothing with id '" + id + "'");
    }
}
