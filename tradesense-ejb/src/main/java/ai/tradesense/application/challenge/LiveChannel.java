package ai.tradesense.application.challenge;

import java.io.StringReader;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import ai.tradesense.infrastructure.json.Json;

/**
 * The shared channel live messages travel on between nodes (and between the API and worker WARs of one
 * node): each envelope carries the node it came from, so a node skips its own, and one change's messages.
 */
public final class LiveChannel {

    /** The pub/sub channel. */
    public static final String NAME = "tradesense:live";

    private LiveChannel() {
    }

    /** One committed change's messages, from {@code origin}. */
    public record Envelope(String origin, String challengeId, List<String> messages) {

        public Envelope {
            messages = List.copyOf(messages);
        }

        public String toJson() {
            JsonArrayBuilder array = Json.createArrayBuilder();
            messages.forEach(array::add);
            return Json.createObjectBuilder().add("origin", origin).add("challengeId", challengeId)
                    .add("messages", array).build().toString();
        }

        public static Envelope of(String origin, ChallengeChanged change) {
            return new Envelope(origin, change.challengeId(),
                    change.messages().stream().map(Object::toString).toList());
        }

        public static Envelope parse(String json) {
            try (JsonReader reader = Json.createReader(new StringReader(json))) {
                JsonObject o = reader.readObject();
                return new Envelope(o.getString("origin", ""), o.getString("challengeId"),
                        o.getJsonArray("messages").getValuesAs(JsonString.class).stream()
                                .map(JsonString::getString).toList());
            }
        }
    }
}
