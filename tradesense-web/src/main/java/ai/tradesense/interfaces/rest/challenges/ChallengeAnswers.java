package ai.tradesense.interfaces.rest.challenges;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import ai.tradesense.application.challenge.AuditEntryView;
import ai.tradesense.application.challenge.AuditVerification;
import ai.tradesense.application.challenge.ChallengeSnapshot;
import ai.tradesense.application.challenge.IngestAnswer;
import ai.tradesense.application.challenge.RecordedEventView;
import ai.tradesense.infrastructure.json.AnswerJson;
import ai.tradesense.infrastructure.json.AuditContentJson;
import ai.tradesense.infrastructure.json.EventDocument;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.OutcomeJson;
import ai.tradesense.infrastructure.json.SnapshotJson;

/** The challenge API's answers as JSON. */
final class ChallengeAnswers {

    private ChallengeAnswers() {
    }

    static JsonObject snapshot(ChallengeSnapshot snapshot) {
        return SnapshotJson.write(snapshot);
    }

    static String ingest(IngestAnswer answer) {
        return AnswerJson.write(answer).toString();
    }

    static String events(List<RecordedEventView> events, long after) {
        return page(events, after, RecordedEventView::seq, e -> Json.createObjectBuilder()
                .add("seq", e.seq())
                .add("type", e.type())
                .add("event", EventDocument.write(e.event()))
                .add("outcomes", OutcomeJson.write(e.outcomes()))
                .add("receivedAt", e.receivedAt().toString())
                .build());
    }

    static String audit(List<AuditEntryView> entries, long after) {
        return page(entries, after, AuditEntryView::seq, a -> Json.createObjectBuilder()
                .add("seq", a.seq())
                .add("kind", a.kind())
                .add("at", a.at().toString())
                .add("actor", a.actor())
                .add("content", AuditContentJson.write(a.content()))
                .add("previousHash", a.previousHash())
                .add("hash", a.hash())
                .build());
    }

    static String verification(AuditVerification v) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("challengeId", v.challengeId()).add("valid", v.valid())
                .add("entriesChecked", v.entriesChecked());
        if (v.firstBrokenSeq() == null) {
            json.addNull("firstBrokenSeq");
        } else {
            json.add("firstBrokenSeq", v.firstBrokenSeq());
        }
        if (v.problem() != null) {
            json.add("problem", v.problem());
        }
        return json.build().toString();
    }

    private static <T> String page(List<T> items, long after, ToLongFunction<T> seq, Function<T, JsonObject> json) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(item -> array.add(json.apply(item)));
        long last = items.isEmpty() ? after : seq.applyAsLong(items.get(items.size() - 1));
        return Json.createObjectBuilder().add("items", array).add("after", after).add("last", last).build().toString();
    }
}
