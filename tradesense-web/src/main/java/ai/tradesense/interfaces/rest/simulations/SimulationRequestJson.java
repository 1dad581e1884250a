package ai.tradesense.interfaces.rest.simulations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import ai.tradesense.application.CalendarService;
import ai.tradesense.application.challenge.SimulationService;
import ai.tradesense.application.challenge.SimulationService.SimulatedPlan;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.rules.CalendarEntry;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.infrastructure.json.CalendarDocument;
import ai.tradesense.infrastructure.json.EventDocument;
import ai.tradesense.infrastructure.json.PlanDocument;
import ai.tradesense.infrastructure.json.StrictJson;

/**
 * Reads a simulation request strictly, naming each problem by its JSON path ({@code plan.phases[0].maxLoss.pct},
 * {@code events[3].equity}). The plan is settled first, a stored one looked up before the events are read,
 * so a request for an unknown plan is told so and nothing else.
 */
final class SimulationRequestJson {

    private static final Set<String> FIELDS = Set.of("plan", "planCode", "planVersion", "startAt", "events",
            "calendar");

    private SimulationRequestJson() {
    }

    /**
     * @param stored looks up a stored plan by code and version (null for the newest)
     * @throws InvalidInputException listing the problems found
     */
    static SimulationService.Request read(String body, BiFunction<String, Integer, SimulatedPlan> stored) {
        StrictJson json = new StrictJson();
        StrictJson.Obj request = json.object(StrictJson.parse(body), "", FIELDS);
        json.throwIfInvalid();
        SimulatedPlan plan = plan(json, request, stored);
        JsonArray eventArray = request.array("events", true);
        List<Event> events = new ArrayList<>();
        if (eventArray != null) {
            if (eventArray.size() > SimulationService.MAX_EVENTS) {
                json.violation("events", Kind.VALUE,
                        "at most " + SimulationService.MAX_EVENTS + " events per simulation");
            } else {
                for (int i = 0; i < eventArray.size(); i++) {
                    events.add(EventDocument.read(json, eventArray.get(i), "events[" + i + "]"));
                }
            }
        }
        Instant startAt = startAt(json, request);
        List<CalendarEntry> calendar = calendar(json, request);
        json.throwIfInvalid();
        return new SimulationService.Request(plan, startAt, events, calendar);
    }

    /** Exactly one of an inline {@code plan} and a stored {@code planCode} (with an optional version). */
    private static SimulatedPlan plan(StrictJson json, StrictJson.Obj request,
                                      BiFunction<String, Integer, SimulatedPlan> stored) {
        boolean inline = request.has("plan");
        boolean byCode = request.has("planCode");
        if (inline == byCode) {
            throw InvalidInputException.of(inline ? "planCode" : "plan", Kind.VALUE,
                    "give exactly one of plan (a plan document) and planCode (a stored plan)");
        }
        if (inline) {
            if (request.has("planVersion")) {
                throw InvalidInputException.of("planVersion", Kind.VALUE, "applies only with planCode");
            }
            return SimulatedPlan.inline(PlanDocument.read(request.raw("plan"), "plan", false));
        }
        String code = request.string("planCode", true, null);
        Integer version = request.integer("planVersion", null, 1, Integer.MAX_VALUE);
        json.throwIfInvalid();
        return stored.apply(code, version);
    }

    /**
     * The simulation's own economic calendar: an array of entries or the CSV import's text; null when absent
     * (the firm's calendar is used then).
     */
    private static List<CalendarEntry> calendar(StrictJson json, StrictJson.Obj request) {
        if (!request.has("calendar")) {
            return null;
        }
        JsonValue value = request.raw("calendar");
        if (value instanceof JsonArray array) {
            if (array.size() > CalendarService.MAX_IMPORT) {
                json.violation("calendar", Kind.VALUE, "at most " + CalendarService.MAX_IMPORT + " entries");
                return null;
            }
            return CalendarDocument.readAll(json, array, "calendar");
        }
        if (value instanceof JsonString csv) {
            return CalendarDocument.readCsv(json, csv.getString(), "calendar.");
        }
        json.violation("calendar", Kind.TYPE, "must be an array of entries or CSV text (at,title,impact,symbols)");
        return null;
    }

    /** Null when absent: the service opens the account at the first event then. */
    private static Instant startAt(StrictJson json, StrictJson.Obj request) {
        String text = request.string("startAt", false, null);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            json.violation("startAt", Kind.VALUE, "must be an ISO-8601 instant such as 2026-03-02T00:00:00Z");
            return null;
        }
    }
}
