package ai.tradesense.application;

import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.model.plan.Plan;

/** Publishing, revising and reading plans. Documents are plan JSON as in DESIGN §3. */
public interface PlanService {

    /**
     * Stores a new plan as version 1.
     *
     * @throws ai.tradesense.domain.model.InvalidInputException      when the document is not a valid plan
     * @throws ai.tradesense.domain.model.plan.PlanVersionConflictException when the code is taken
     */
    Plan publish(String document);

    /**
     * Stores a new version of an existing plan; the document's code, if given, must be {@code code}.
     *
     * @throws ai.tradesense.domain.model.plan.PlanNotFoundException when there is no such plan
     */
    Plan revise(String code, String document);

    /** The given version, or the newest when {@code version} is null. */
    Plan find(String code, Integer version);

    Page<Plan> list(int page, int size);

    /** True when a plan with this code exists. */
    boolean exists(String code);
}
