package ai.tradesense.infrastructure.json;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import ai.tradesense.domain.model.plan.PlanPresets;
import ai.tradesense.domain.rules.RuleSet;

/** The presets of {@link PlanCatalogue}, read from the class path. */
@ApplicationScoped
public class ShippedPlanPresets implements PlanPresets {

    @Override
    public List<RuleSet> all() {
        return PlanCatalogue.rules();
    }
}
