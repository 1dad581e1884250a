/**
 * Users, their refresh tokens and the platform's API keys. Secrets live here only as hashes.
 */
package ai.tradesense.domain.model.identity;
