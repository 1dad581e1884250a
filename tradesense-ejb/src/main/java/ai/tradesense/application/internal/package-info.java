/**
 * The stateless EJBs behind the application service interfaces: load, call domain behaviour, store.
 * No rule is computed here; every rule lives in {@code ai.tradesense.domain.rules}.
 */
package ai.tradesense.application.internal;
