package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The rules of one plan version, as the engine reads them. Built only from a validated plan document,
 * so every invariant of {@code docs/rules.md} §1 already holds (positive balance, one or more phases, …).
 *
 * @param code           the plan's code; may be null for an unsaved plan in a simulation
 * @param name           human name; may be null
 * @param currency       ISO currency code of every amount
 * @param initialBalance starting balance of each phase's account, &gt; 0
 * @param dayBoundary    when trading days start, in the plan's own zone
 * @param breachWhen     whether equity exactly at a floor breaches
 * @param phases         the phases in order, at least one
 * @param allowOwnAccountCopying surveillance only (no rule of the engine): copying trades between one trader's own
 *                       accounts on this plan is no {@code COPY_TRADING} finding (the default, DESIGN 3d); false
 *                       makes it one (docs/surveillance.md)
 */
public record RuleSet(String code, String name, String currency, BigDecimal initialBalance,
                      DayBoundary dayBoundary, BreachWhen breachWhen, List<PhaseRules> phases,
                      boolean allowOwnAccountCopying) {

    public RuleSet {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(initialBalance, "initialBalance");
        Objects.requireNonNull(dayBoundary, "dayBoundary");
        Objects.requireNonNull(breachWhen, "breachWhen");
        if (initialBalance.signum() <= 0) {
            throw new IllegalArgumentException("initialBalance must be positive");
        }
        if (phases == null || phases.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one phase");
        }
        phases = List.copyOf(phases);
    }

    /** A plan that allows copying between one trader's own accounts (the default). */
    public RuleSet(String code, String name, String currency, BigDecimal initialBalance, DayBoundary dayBoundary,
                   BreachWhen breachWhen, List<PhaseRules> phases) {
        this(code, name, currency, initialBalance, dayBoundary, breachWhen, phases, true);
    }

    public PhaseRules phase(int index) {
        return phases.get(index);
    }

    public boolean isLastPhase(int index) {
        return index == phases.size() - 1;
    }
}
