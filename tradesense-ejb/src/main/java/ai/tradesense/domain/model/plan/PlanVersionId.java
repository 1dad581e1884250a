package ai.tradesense.domain.model.plan;

import java.io.Serializable;
import java.util.Objects;

/** The identity of a plan version: its code and version number (a JPA id class, hence mutable fields). */
public class PlanVersionId implements Serializable {

    private static final long serialVersionUID = 1L;

    private String code;
    private int version;

    protected PlanVersionId() {
    }

    public PlanVersionId(String code, int version) {
        this.code = code;
        this.version = version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlanVersionId id && id.version == version && Objects.equals(id.code, code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, version);
    }
}
