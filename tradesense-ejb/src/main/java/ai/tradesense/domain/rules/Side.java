package ai.tradesense.domain.rules;

/** The direction of a trade. */
public enum Side { BUY, SELL }
