/**
 * Authentication (bearer tokens and API keys, through Jakarta Security) and authorization of REST
 * calls by role. Secure by default: a resource is open only when marked {@link ai.tradesense.interfaces.security.Public}.
 */
package ai.tradesense.interfaces.security;
