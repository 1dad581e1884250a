package ai.tradesense.domain.model.plan;

import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class PlanNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PlanNotFoundException(String code, Integer version) {
        super(version == null ? "no plan with code '" + code + "'"
                : "plan '" + code + "' has no version " + version);
    }
}
