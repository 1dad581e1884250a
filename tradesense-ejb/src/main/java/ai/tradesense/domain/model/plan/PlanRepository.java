package ai.tradesense.domain.model.plan;

import java.util.Optional;

import ai.tradesense.domain.model.Page;

public interface PlanRepository {

    /** The newest version of the plan with this code. */
    Optional<Plan> latest(String code);

    Optional<Plan> version(String code, int version);

    /** The newest version of every plan, ordered by code. */
    Page<Plan> latestVersions(int page, int size);

    /**
     * Stores a new plan version and makes it visible to the transaction.
     *
     * @throws PlanVersionConflictException when this code and version exist already
     */
    void add(Plan plan);
}
