package ai.tradesense.interfaces.rest.challenges;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import ai.tradesense.application.challenge.BridgeBatch;
import ai.tradesense.application.challenge.EventBatch;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.infrastructure.json.EventDocument;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.StrictJson;

/**
 * An ingestion request's body: one event (a JSON object) or several (an array), read strictly, every
 * problem named by its JSON path ({@code equity}, {@code [3].equity}).
 */
public final class EventRequests {

    private static final String CHALLENGE_ID = "challengeId";
    private static final int MAX_CHALLENGE_ID = 36;
    private static final Set<String> BRIDGE_FIELDS = Set.of("events");

    private EventRequests() {
    }

    /** What an ingestion's future failed with, as the service threw it. */
    public static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    public static EventBatch read(String body) {
        JsonValue json = StrictJson.parse(body);
        StrictJson reader = new StrictJson();
        List<Event> events = new ArrayList<>();
        if (json instanceof JsonArray array) {
            if (array.isEmpty() || array.size() > EventBatch.MAX_EVENTS) {
                throw InvalidInputException.of("", Kind.VALUE,
                        "send 1 to " + EventBatch.MAX_EVENTS + " events in one request");
            }
            for (int i = 0; i < array.size(); i++) {
                events.add(live(reader, EventDocument.read(reader, array.get(i), "[" + i + "]"), "[" + i + "]"));
            }
        } else {
            events.add(live(reader, EventDocument.read(reader, json, ""), ""));
        }
        reader.throwIfInvalid();
        return new EventBatch(events, !(json instanceof JsonArray));
    }

    /**
     * A bridge request's body {@code {"events": [{"challengeId", ...event}]}}: malformed (400) when it
     * is not an object or {@code events} is not an array, invalid (422) when it has no events or more
     * than {@link BridgeBatch#MAX_EVENTS}; every problem named by its path ({@code events[3].equity}).
     */
    public static BridgeBatch readBridge(String body) {
        JsonValue json = StrictJson.parse(body);
        StrictJson reader = new StrictJson();
        if (!(json instanceof JsonObject request)) {
            throw InvalidInputException.of("", Kind.TYPE, "must be a JSON object {\"events\": [...]}");
        }
        reader.object(request, "", BRIDGE_FIELDS);
        if (!(request.get("events") instanceof JsonArray array)) {
            throw InvalidInputException.of("events", Kind.TYPE, "is required: an array of events");
        }
        if (array.isEmpty() || array.size() > BridgeBatch.MAX_EVENTS) {
            throw InvalidInputException.of("events", Kind.VALUE,
                    "send 1 to " + BridgeBatch.MAX_EVENTS + " events in one request");
        }
        List<BridgeBatch.Entry> events = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String path = "events[" + i + "]";
            JsonValue element = array.get(i);
            if (!(element instanceof JsonObject object)) {
                reader.violation(path, Kind.TYPE, "must be a JSON object");
                continue;
            }
            String challengeId = challengeId(reader, object, path);
            Event event = live(reader,
                    EventDocument.read(reader, Json.createObjectBuilder(object).remove(CHALLENGE_ID).build(), path), path);
            events.add(new BridgeBatch.Entry(challengeId, event));
        }
        reader.throwIfInvalid();
        return new BridgeBatch(events);
    }

    /**
     * A live event as read; a PAYOUT is refused (422): the platform does not pay, staff approve payouts
     * through the payout API (docs/rules.md §20.5).
     */
    private static Event live(StrictJson reader, Event event, String path) {
        if (event instanceof Event.Payout) {
            reader.violation(StrictJson.join(path, "type"), Kind.VALUE, "PAYOUT events are not accepted from the "
                    + "platform: payouts are requested with POST /api/v1/challenges/{id}/payouts and approved by staff");
        }
        return event;
    }

    private static String challengeId(StrictJson reader, JsonObject object, String path) {
        JsonValue value = object.get(CHALLENGE_ID);
        String field = StrictJson.join(path, CHALLENGE_ID);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            reader.violation(field, Kind.VALUE, "is required");
            return null;
        }
        if (!(value instanceof JsonString text)) {
            reader.violation(field, Kind.TYPE, "must be a string");
            return null;
        }
        if (text.getString().isBlank() || text.getString().length() > MAX_CHALLENGE_ID) {
            reader.violation(field, Kind.VALUE, "must be 1 to " + MAX_CHALLENGE_ID + " characters");
        }
        return text.getString();
    }
}
