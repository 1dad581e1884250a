package ai.tradesense.domain.model.plan;

import java.util.List;

import ai.tradesense.domain.rules.RuleSet;

/** The plans shipped with TradeSense, published at first start so challenges can run out of the box. */
public interface PlanPresets {

    /** The rules of every preset, always in the same order. */
    List<RuleSet> all();
}
