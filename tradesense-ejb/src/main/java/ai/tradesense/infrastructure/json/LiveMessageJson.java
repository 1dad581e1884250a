package ai.tradesense.infrastructure.json;

import jakarta.json.JsonObject;

import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.application.risk.AlertView;
import ai.tradesense.domain.rules.OutcomeType;

/**
 * A live message as watchers receive it: {@code {"type", "challengeId", "seq", "at", "data"}}. Shared by
 * the API's WebSocket encoder and the worker's relay, so a message reads the same from either.
 */
public final class LiveMessageJson {

    private static final String TYPE_FIELD = "\"type\":\"";

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

    /** The wire type of an encoded message: its first field, as {@link #write} puts it. */
    public static String typeOf(String encoded) {
        int type = encoded.indexOf(TYPE_FIELD);
        if (type < 0) {
            return "";
        }
        int start = type + TYPE_FIELD.length();
        return encoded.substring(start, encoded.indexOf('"', start));
    }

    /** True for the wire types of the messages the ops channel shows: reported outcomes and alerts. */
    public static boolean isOpsType(String type) {
        if ("ALERT".equals(type)) {
            return true;
        }
        try {
            return LiveMessage.OutcomeReported.reported(OutcomeType.valueOf(type));
        } catch (IllegalArgumentException notAnOutcome) {
            return false;
        }
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
        return AlertView.toJson(((LiveMessage.Alert) message).alert());
    }
}
