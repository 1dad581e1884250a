package ai.tradesense.application.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import ai.tradesense.application.PlanService;
import ai.tradesense.application.SchemaReady;
import ai.tradesense.domain.model.plan.PlanPresets;
import ai.tradesense.domain.model.plan.PlanVersionConflictException;
import ai.tradesense.domain.rules.RuleSet;

/** Publishes the plans shipped with TradeSense as version 1 when their codes are not taken yet. */
@ApplicationScoped
public class PresetPlans {

    private static final Logger LOG = Logger.getLogger(PresetPlans.class.getName());

    @Inject
    PlanService plans;

    @Inject
    PlanPresets presets;

    void publishMissing(@Observes SchemaReady ready) {
        for (RuleSet preset : presets.all()) {
            if (plans.exists(preset.code())) {
                continue;
            }
            try {
                plans.publish(preset);
            } catch (PlanVersionConflictException taken) {
                LOG.log(Level.FINE, "Preset plan {0} was published by another node first", preset.code());
            }
        }
    }
}
