package ai.tradesense.domain.rules;

import java.util.List;
import java.util.Objects;

/** The account after an event, and what happened on the way, in order. */
public record Evaluation(AccountState state, List<Outcome> outcomes) {
    public Evaluation {
        Objects.requireNonNull(state, "state");
        outcomes = List.copyOf(outcomes);
    }

    public boolean has(OutcomeType type) {
        for (Outcome outcome : outcomes) {
            if (outcome.type() == type) {
                return true;
            }
        }
        return false;
    }
}
