/**
 * The domain model: aggregates (entities with behaviour, repositories returning Optional) and the
 * documents they are published as. No JAX-RS, WebSocket, Batch, Jedis or EclipseLink classes here.
 */
package ai.tradesense.domain.model;
