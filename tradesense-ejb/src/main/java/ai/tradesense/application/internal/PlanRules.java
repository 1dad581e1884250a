package ai.tradesense.application.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.tradesense.domain.model.plan.PlanNotFoundException;
import ai.tradesense.domain.model.plan.PlanRepository;
import ai.tradesense.domain.rules.RuleSet;

/** The rules of plan versions, read once: a stored plan version never changes. */
@ApplicationScoped
public class PlanRules {

    private final Map<String, RuleSet> cache = new ConcurrentHashMap<>();

    @Inject
    PlanRepository plans;

    public RuleSet of(String code, int version) {
        String key = code + '@' + version;
        RuleSet rules = cache.get(key);
        if (rules == null) {
            rules = plans.version(code, version).orElseThrow(() -> new PlanNotFoundException(code, version)).rules();
            cache.put(key, rules);
        }
        return rules;
    }
}
