package ai.tradesense.application.security;

import jakarta.ejb.ApplicationException;

/** Credentials or a token that do not hold (HTTP 401). The message never says which part was wrong. */
@ApplicationException(rollback = true)
public class AuthenticationFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException(String message) {
        super(message);
    }
}
