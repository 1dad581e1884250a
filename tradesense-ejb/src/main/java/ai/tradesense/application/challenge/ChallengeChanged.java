package ai.tradesense.application.challenge;

import java.util.List;

/**
 * What one committed request did to a challenge, as the live messages to push, the last one the
 * resulting {@code STATE}. Fired inside the transaction; observers push it only after the commit.
 *
 * @param challengeId the challenge
 * @param traderId    its trader (who may watch it)
 * @param planCode    its plan (platform keys may be limited to plans)
 * @param messages    in order
 */
public record ChallengeChanged(String challengeId, String traderId, String planCode, List<LiveMessage> messages) {

    public ChallengeChanged {
        messages = List.copyOf(messages);
    }
}
