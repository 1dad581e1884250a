/**
 * The web adapters: REST resources, WebSocket endpoints, health checks and metrics. They translate
 * between HTTP and the application services and delegate; no business rule is computed here.
 */
package ai.tradesense.interfaces;
