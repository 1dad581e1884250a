/**
 * The bridge simulator: a command-line trading platform that drives many accounts against a node through
 * {@code POST /api/v1/events}. {@link ai.tradesense.node.sim.TradingGenerator} makes the trading (pure and
 * seeded), {@link ai.tradesense.node.sim.BridgeSimulator} sends it at a rate and reports.
 */
package ai.tradesense.node.sim;
