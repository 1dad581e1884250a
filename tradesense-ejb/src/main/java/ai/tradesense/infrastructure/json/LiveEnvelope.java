package ai.tradesense.infrastructure.json;

import java.io.StringReader;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import ai.tradesense.application.challenge.ChallengeChanged;

/**
 * One committed change's messages on the live channel between nodes, from {@code origin} (so a node
 * skips its own): {@code {"origin", "challengeId", "messages": ["<message JSON>", …]}}, each message as
 * its watchers receive it.
 */
public record LiveEnvelope(String origin, String challengeId, List<String> messages) {

    public LiveEnvelope {
        messages = List.copyOf(messages);
    }

    public static LiveEnvelope of(String origin, ChallengeChanged change) {
        return new LiveEnvelope(origin, change.challengeId(),
                change.messages().stream().map(LiveMessageJson::write).toList());
    }

    public String toJson() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        messages.forEach(array::add);
        return Json.createObjectBuilder().add("origin", origin).add("challengeId", challengeId)
                .add("messages", array).build().toString();
    }

    public static LiveEnvelope parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return new LiveEnvelope(o.getString("origin", ""), o.getString("challengeId"),
                    o.getJsonArray("messages").getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString).toList());
        }
    }
}
