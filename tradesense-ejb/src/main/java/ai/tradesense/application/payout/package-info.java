/**
 * The funded stage's use cases: payout requests, staff approval, the ledger and its totals. Interfaces, typed
 * views and the events other systems hook into; implemented in {@code application.internal}.
 */
package ai.tradesense.application.payout;
