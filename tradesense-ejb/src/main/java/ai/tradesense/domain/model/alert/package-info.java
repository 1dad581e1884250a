/** Alerts for risk staff: raised once per challenge and cause, acknowledged with a note. */
package ai.tradesense.domain.model.alert;
