/**
 * Challenges: starting them, feeding them events, reading their state, events and audit trail, and
 * what-if simulations. Every account change goes through the one rule engine.
 */
package ai.tradesense.application.challenge;
