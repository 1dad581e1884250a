/**
 * Runs a TradeSense node: one Payara Micro process with the web and batch WARs. The README's run
 * command and the black-box system tests both start nodes through {@link ai.tradesense.node.Launcher}.
 */
package ai.tradesense.node;
