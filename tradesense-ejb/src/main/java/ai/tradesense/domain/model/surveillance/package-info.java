/**
 * What surveillance stores: traders staff linked and the addresses traders signed in from. Entities and the
 * repository interface only; the detectors are in {@code ai.tradesense.domain.rules.surveillance}.
 */
package ai.tradesense.domain.model.surveillance;
