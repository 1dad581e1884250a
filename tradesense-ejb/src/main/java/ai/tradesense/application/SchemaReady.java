package ai.tradesense.application;

/** Fired once the database schema is current on this node, before the node reports ready. */
public record SchemaReady() {
}
