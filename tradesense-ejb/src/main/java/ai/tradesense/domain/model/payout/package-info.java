/** The payout ledger: requests of funded traders and what staff decided. Entities and their repository. */
package ai.tradesense.domain.model.payout;
