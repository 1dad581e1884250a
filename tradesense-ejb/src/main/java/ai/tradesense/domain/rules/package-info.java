/**
 * The one rule engine: plan rules, account state and the pure {@code Evaluator} that applies events.
 * Plain Java only (no jakarta.*), O(1) per event; every rule of a plan is computed here and nowhere else.
 */
package ai.tradesense.domain.rules;
