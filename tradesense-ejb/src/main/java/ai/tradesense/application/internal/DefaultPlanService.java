package ai.tradesense.application.internal;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import ai.tradesense.application.PlanService;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.model.plan.Plan;
import ai.tradesense.domain.model.plan.PlanNotFoundException;
import ai.tradesense.domain.model.plan.PlanRepository;
import ai.tradesense.domain.model.plan.PlanVersionConflictException;
import ai.tradesense.domain.rules.RuleSet;

@Stateless
public class DefaultPlanService implements PlanService {

    private static final Logger LOG = Logger.getLogger(DefaultPlanService.class.getName());

    @Inject
    PlanRepository plans;

    @Inject
    Clock clock;

    @Override
    public Plan publish(RuleSet rules) {
        if (rules.code() == null) {
            throw InvalidInputException.of("code", Kind.VALUE, "is required");
        }
        if (plans.latest(rules.code()).isPresent()) {
            throw new PlanVersionConflictException("a plan with code '" + rules.code()
                    + "' exists already; revise it with PUT /api/v1/plans/" + rules.code());
        }
        Plan plan = Plan.publish(rules, clock.instant());
        plans.add(plan);
        LOG.log(Level.INFO, "Plan {0} published as version 1", plan.code());
        return plan;
    }

    @Override
    public Plan revise(String code, RuleSet rules) {
        Plan current = plans.latest(code).orElseThrow(() -> new PlanNotFoundException(code, null));
        if (!code.equals(rules.code())) {
            throw InvalidInputException.of("code", Kind.VALUE, "must be '" + code + "', the plan being revised");
        }
        Plan next = current.revise(rules, clock.instant());
        plans.add(next);
        LOG.log(Level.INFO, "Plan {0} revised to version {1}", new Object[] {code, next.version()});
        return next;
    }

    @Override
    public Plan find(String code, Integer version) {
        return (version == null ? plans.latest(code) : plans.version(code, version))
                .orElseThrow(() -> new PlanNotFoundException(code, version));
    }

    @Override
    public boolean exists(String code) {
        return plans.latest(code).isPresent();
    }

    @Override
    public Page<Plan> list(int page, int size) {
        return plans.latestVersions(page, size);
    }
}
