package ai.tradesense.domain.rules;

/** An evaluation phase must reach its target; a funded phase has none and runs until it fails. */
public enum PhaseKind { EVALUATION, FUNDED }
