package ai.tradesense.domain.rules;

/** The kinds of event the platform reports; the names are the {@code type} of the event JSON. */
public enum EventType { TRADE_OPENED, TRADE_CLOSED, EQUITY, CLOCK, TRADE_MODIFIED, PAYOUT }
