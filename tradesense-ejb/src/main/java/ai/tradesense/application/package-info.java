/**
 * Application services: the use cases and the transaction boundary. Interfaces and records here;
 * the {@code @Stateless} implementations live in {@code internal}. May use the domain, never a web type.
 */
package ai.tradesense.application;
