package ai.tradesense.domain.model.plan;

import jakarta.ejb.ApplicationException;

/** The plan code is taken (on publish) or another revision was stored first (on revise). */
@ApplicationException(rollback = true)
public class PlanVersionConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PlanVersionConflictException(String message) {
        super(message);
    }
}
