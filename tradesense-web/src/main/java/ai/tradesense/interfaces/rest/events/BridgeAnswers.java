package ai.tradesense.interfaces.rest.events;

import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import ai.tradesense.application.challenge.BridgeAnswer;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.OutcomeJson;
import ai.tradesense.interfaces.rest.problem.Problem;
import ai.tradesense.interfaces.rest.problem.ProblemMapper;

/** A bridge request's answer {@code {"results": [{"index", "challengeId", "status", ...}]}}. */
final class BridgeAnswers {

    private BridgeAnswers() {
    }

    static String write(BridgeAnswer answer) {
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (BridgeAnswer.Result result : answer.results()) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("index", result.index())
                    .add("challengeId", result.challengeId());
            if (result instanceof BridgeAnswer.Applied applied) {
                json.add("status", "APPLIED").add("seq", applied.seq()).add("outcomes", OutcomeJson.write(applied.outcomes()));
            } else if (result instanceof BridgeAnswer.Duplicate duplicate) {
                json.add("status", "DUPLICATE").add("seq", duplicate.seq());
            } else if (result instanceof BridgeAnswer.Refused refused) {
                json.add("status", "REFUSED").add("problem", problem(ProblemMapper.problemFor(refused.problem())));
            } else if (result instanceof BridgeAnswer.NotApplied other) {
                json.add("status", "REFUSED").add("problem", problem(new Problem("not-applied", 409, "Not applied",
                        "event " + other.refusedIndex() + " of challenge " + other.challengeId()
                                + " in this request was refused", List.of())));
            }
            results.add(json);
        }
        return Json.createObjectBuilder().add("results", results).build().toString();
    }

    /** The RFC 9457 object as {@link Problem#toJson} writes it, without an instance (it is not a request's). */
    private static JsonObject problem(Problem problem) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("type", Problem.TYPE_PREFIX + problem.slug())
                .add("title", problem.title()).add("status", problem.status())
                .add("detail", problem.detail() == null ? problem.title() : problem.detail());
        if (!problem.errors().isEmpty()) {
            JsonArrayBuilder errors = Json.createArrayBuilder();
            problem.errors().forEach(e -> errors.add(Json.createObjectBuilder().add("path", e.path())
                    .add("message", e.message())));
            json.add("errors", errors);
        }
        return json.build();
    }
}
