package ai.tradesense.domain.model.identity;

import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class EmailTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmailTakenException() {
        super("this email is registered already; sign in instead");
    }
}
