/**
 * Webhook subscriptions and their signing secrets, the outbox of outbound events, their deliveries, and the
 * platform's enforcement commands. Entities and repository ports only.
 */
package ai.tradesense.domain.model.outbound;
