package ai.tradesense.infrastructure.json;

import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.RecordJson;
import ai.tradesense.domain.rules.Outcome;

/** What the engine said about an event, as JSON: {@code {"type": "FAILED", "rule": "MAX_LOSS", …}}. */
public final class OutcomeJson {

    private OutcomeJson() {
    }

    public static JsonObject write(Outcome outcome) {
        return Json.createObjectBuilder().add("type", outcome.type().name())
                .addAll(Json.createObjectBuilder(RecordJson.write((Record) outcome))).build();
    }

    public static JsonArray write(List<Outcome> outcomes) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        outcomes.forEach(o -> array.add(write(o)));
        return array.build();
    }
}
