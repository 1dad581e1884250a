/**
 * Live updates over Jakarta WebSocket: endpoints that authenticate and authorize like the REST API,
 * a registry of open sessions with bounded outboxes, and pushes that happen only after a commit.
 */
package ai.tradesense.interfaces.websocket;
