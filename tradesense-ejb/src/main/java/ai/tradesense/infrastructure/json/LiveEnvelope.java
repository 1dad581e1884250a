package ai.tradesense.infrastructure.json;

import java.io.StringReader;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import ai.tradesense.application.challenge.ChallengeChanged;
import ai.tradesense.application.challenge.LiveMessage;

/**
 * One committed change's messages on the live channel between nodes, from {@code origin} (so a node
 * skips its own): {@code {"origin", "challengeId", "messages": ["<message JSON>", …], "ops": [i, …]}},
 * each message as its watchers receive it, {@code ops} the positions of those the ops channel shows too
 * (decided by the sender from the typed message, so a receiver never reads a message's type from its text).
 */
public record LiveEnvelope(String origin, String challengeId, List<String> messages, List<Integer> ops) {

    public LiveEnvelope {
        messages = List.copyOf(messages);
        ops = List.copyOf(ops);
    }

    public static LiveEnvelope of(String origin, ChallengeChanged change) {
        return of(origin, change, change.messages().stream().map(LiveMessageJson::write).toList());
    }

    /** The envelope of a change whose messages are already written, in the same order. */
    public static LiveEnvelope of(String origin, ChallengeChanged change, List<String> written) {
        List<LiveMessage> typed = change.messages();
        return new LiveEnvelope(origin, change.challengeId(), written,
                IntStream.range(0, typed.size()).filter(i -> typed.get(i).forOps()).boxed().toList());
    }

    /** The messages the ops channel shows, in order. */
    public List<String> opsMessages() {
        return ops.stream().filter(i -> i >= 0 && i < messages.size()).map(messages::get).toList();
    }

    public String toJson() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        messages.forEach(array::add);
        JsonArrayBuilder positions = Json.createArrayBuilder();
        ops.forEach(positions::add);
        return Json.createObjectBuilder().add("origin", origin).add("challengeId", challengeId)
                .add("messages", array).add("ops", positions).build().toString();
    }

    /**
     * How every envelope {@link #toJson} writes for {@code origin} begins: a node's own changes come back
     * on the channel, and are told by this start without parsing the rest.
     */
    public static String startOf(String origin) {
        String object = Json.createObjectBuilder().add("origin", origin).build().toString();
        return object.substring(0, object.length() - 1) + ",";
    }

    public static LiveEnvelope parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            JsonArray ops = o.getJsonArray("ops");
            return new LiveEnvelope(o.getString("origin", ""), o.getString("challengeId"),
                    o.getJsonArray("messages").getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString).toList(),
                    ops == null ? List.of() : ops.getValuesAs(JsonNumber.class).stream().map(JsonNumber::intValue).toList());
        }
    }
}
