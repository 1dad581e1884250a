/**
 * Surveillance across accounts (DESIGN §3d), part of the rule engine: pure detectors over one day's trades and sign-ins that find copy trading,
 * hedging across one party's accounts and addresses shared by traders. Plain Java only (no jakarta.*, no I/O, no clock).
 */
package ai.tradesense.domain.rules.surveillance;
