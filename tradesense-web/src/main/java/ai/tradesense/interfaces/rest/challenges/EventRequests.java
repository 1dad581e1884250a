package ai.tradesense.interfaces.rest.challenges;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;

import ai.tradesense.application.challenge.EventBatch;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.infrastructure.json.EventDocument;
import ai.tradesense.infrastructure.json.StrictJson;

/**
 * An ingestion request's body: one event (a JSON object) or several (an array), read strictly, every
 * problem named by its JSON path ({@code equity}, {@code [3].equity}).
 */
final class EventRequests {

    private EventRequests() {
    }

    static EventBatch read(String body) {
        JsonValue json = StrictJson.parse(body);
        StrictJson reader = new StrictJson();
        List<Event> events = new ArrayList<>();
        if (json instanceof JsonArray array) {
            if (array.isEmpty() || array.size() > EventBatch.MAX_EVENTS) {
                throw InvalidInputException.of("", Kind.VALUE,
                        "send 1 to " + EventBatch.MAX_EVENTS + " events in one request");
            }
            for (int i = 0; i < array.size(); i++) {
                events.add(EventDocument.read(reader, array.get(i), "[" + i + "]"));
            }
        } else {
            events.add(EventDocument.read(reader, json, ""));
        }
        reader.throwIfInvalid();
        return new EventBatch(events, !(json instanceof JsonArray));
    }
}
