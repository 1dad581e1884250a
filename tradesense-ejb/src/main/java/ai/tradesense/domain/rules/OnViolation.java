package ai.tradesense.domain.rules;

/**
 * What a conduct violation does ({@code docs/rules.md} §19), strongest first: FAIL fails the challenge,
 * PAUSE blocks it until the next day boundary, FLAG only reports it, EXCLUDE keeps the trade's profit out of
 * the profit target.
 */
public enum OnViolation { FAIL, PAUSE, FLAG, EXCLUDE }
