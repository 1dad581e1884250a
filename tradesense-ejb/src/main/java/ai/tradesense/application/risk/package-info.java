/**
 * What the risk worker does between events (the clock, alerts, snapshots, housekeeping) and what staff
 * see of it: alerts and statistics. The rules themselves stay in the engine.
 */
package ai.tradesense.application.risk;
