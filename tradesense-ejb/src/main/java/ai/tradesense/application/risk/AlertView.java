package ai.tradesense.application.risk;

import java.time.Instant;

import ai.tradesense.domain.model.alert.Alert;
import ai.tradesense.domain.model.alert.AlertData;

/** An alert as the API and the ops channel show it: its fields, and the trader and plan it concerns. */
public record AlertView(String id, String challengeId, String traderId, String planCode, String kind,
                        Alert.Severity severity, String message, AlertData data, Instant raisedAt,
                        Instant acknowledgedAt, String acknowledgedBy, String note) {

    public static AlertView of(Alert alert) {
        AlertData data = alert.data();
        return new AlertView(alert.id(), alert.challengeId(), data.traderId(), data.planCode(), alert.kind(),
                alert.severity(), alert.message(), data, alert.raisedAt(), alert.acknowledgedAt(),
                alert.acknowledgedBy(), alert.note());
    }
}
