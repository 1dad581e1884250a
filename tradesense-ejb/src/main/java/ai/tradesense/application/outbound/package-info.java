/**
 * Outbound: what a firm's other systems and the trading platform hear of a change (webhooks, enforcement
 * commands), the signing and retry rules of a delivery, and the services that manage them.
 */
package ai.tradesense.application.outbound;
