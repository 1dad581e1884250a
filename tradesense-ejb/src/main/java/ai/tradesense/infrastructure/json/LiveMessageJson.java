package ai.tradesense.infrastructure.json;

import jakarta.json.JsonObject;

import ai.tradesense.application.challenge.LiveMessage;

/**
 * A live message as watchers receive it: {@code {"type", "challengeId", "seq", "at", "data"}}. Shared by
 * the API's WebSocket encoder and the worker's relay, so a message reads the same from either.
 */
public final class LiveMessageJson {

    private LiveMessageJson() {
    }

    public static String write(LiveMessage message) {
        return Json.createObjectBuilder().add("type", type(message)).add("challengeId", message.challengeId())
                .add("seq", message.seq()).add("at", message.at().toString()).add("data", data(message))
                .build().toString();
    }

    public static String type(LiveMessage message) {
        if (message instanceof LiveMessage.OutcomeReported o) {
            return o.outcome().type().name();
        }
        return message instanceof LiveMessage.EventApplied ? "EVENT_APPLIED"
                : message instanceof LiveMessage.State ? "STATE" : "ALERT";
    }

    private static JsonObject data(LiveMessage message) {
        if (message instanceof LiveMessage.EventApplied e) {
            return AnswerJson.entry(e.event(), false);
        }
        if (message instanceof LiveMessage.OutcomeReported o) {
            return OutcomeJson.write(o.outcome());
        }
        if (message instanceof LiveMessage.State s) {
            return SnapshotJson.write(s.challenge());
        }
        return AlertJson.write(((LiveMessage.Alert) message).alert());
    }
}
