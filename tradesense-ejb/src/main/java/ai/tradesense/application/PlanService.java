package ai.tradesense.application;

import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.model.plan.Plan;
import ai.tradesense.domain.rules.RuleSet;

/** Publishing, revising and reading plans: the rules of a plan as its published document reads them. */
public interface PlanService {

    /**
     * Stores a new plan as version 1, under the code, name and currency its rules carry.
     *
     * @throws ai.tradesense.domain.model.plan.PlanVersionConflictException when the code is taken
     */
    Plan publish(RuleSet plan);

    /**
     * Stores a new version of an existing plan; the rules' code must be {@code code}.
     *
     * @throws ai.tradesense.domain.model.plan.PlanNotFoundException when there is no such plan
     * @throws ai.tradesense.domain.model.InvalidInputException     when the rules name another code
     */
    Plan revise(String code, RuleSet plan);

    /** The given version, or the newest when {@code version} is null. */
    Plan find(String code, Integer version);

    Page<Plan> list(int page, int size);

    /** True when a plan with this code exists. */
    boolean exists(String code);
}
