/**
 * Outgoing HTTP: the adapter that sends webhook requests. Implements an application port; holds no rules.
 */
package ai.tradesense.infrastructure.http;
