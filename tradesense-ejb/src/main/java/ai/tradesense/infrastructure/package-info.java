/**
 * Adapters to the outside: JPA repositories, Flyway, Redis, configuration. They implement interfaces of
 * the domain and application layers and are never called from the web layer directly.
 */
package ai.tradesense.infrastructure;
