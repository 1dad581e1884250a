package ai.tradesense.application.risk;

import java.time.Instant;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.StrictJson;
import ai.tradesense.domain.model.alert.Alert;

/** An alert as the API and the ops channel show it. */
public final class AlertView {

    private AlertView() {
    }

    public static JsonObject toJson(Alert alert) {
        JsonObject data = StrictJson.parse(alert.data()).asJsonObject();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", alert.id())
                .add("challengeId", alert.challengeId())
                .add("traderId", data.getOrDefault("traderId", JsonValue.NULL))
                .add("planCode", data.getOrDefault("planCode", JsonValue.NULL))
                .add("kind", alert.kind())
                .add("severity", alert.severity().name())
                .add("message", alert.message())
                .add("data", data)
                .add("raisedAt", alert.raisedAt().toString());
        instant(json, "acknowledgedAt", alert.acknowledgedAt());
        text(json, "acknowledgedBy", alert.acknowledgedBy());
        text(json, "note", alert.note());
        return json.build();
    }

    private static void instant(JsonObjectBuilder json, String name, Instant value) {
        json.add(name, value == null ? JsonValue.NULL : Json.createValue(value.toString()));
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        json.add(name, value == null ? JsonValue.NULL : Json.createValue(value));
    }
}
