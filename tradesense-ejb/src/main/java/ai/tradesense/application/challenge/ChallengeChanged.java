package ai.tradesense.application.challenge;

import java.util.List;

import jakarta.json.JsonObject;

/**
 * What one committed request did to a challenge, as the live messages to push: each is
 * {@code {"type", "challengeId", "seq", "at", "data"}}, the last one the resulting {@code STATE}.
 * Fired inside the transaction; observers push it only after the commit.
 *
 * @param challengeId the challenge
 * @param traderId    its trader (who may watch it)
 * @param planCode    its plan (platform keys may be limited to plans)
 * @param messages    in order
 */
public record ChallengeChanged(String challengeId, String traderId, String planCode, List<JsonObject> messages) {

    public ChallengeChanged {
        messages = List.copyOf(messages);
    }
}
