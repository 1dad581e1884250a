package ai.tradesense.interfaces.websocket;

import jakarta.websocket.Encoder;

import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.infrastructure.json.LiveMessageJson;

/**
 * A live message as watchers receive it: {@code {"type", "challengeId", "seq", "at", "data"}}. The
 * broadcaster encodes each message once and hands the text to every session.
 */
public class LiveMessageEncoder implements Encoder.Text<LiveMessage> {

    @Override
    public String encode(LiveMessage message) {
        return LiveMessageJson.write(message);
    }
}
