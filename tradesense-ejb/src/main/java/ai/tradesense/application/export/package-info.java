/**
 * Exports for a firm's data warehouse: what can be exported, the filters, and the keyset pages a stream
 * is read in. Staff only; the query side is a port that infrastructure implements.
 */
package ai.tradesense.application.export;
