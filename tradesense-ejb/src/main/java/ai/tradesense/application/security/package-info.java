/**
 * Who is calling and what they may do: roles, the caller of a request, sign-up, sign-in, tokens and
 * API keys. Services receive a {@link ai.tradesense.application.security.Caller} and enforce ownership.
 */
package ai.tradesense.application.security;
