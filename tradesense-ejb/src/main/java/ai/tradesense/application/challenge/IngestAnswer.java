package ai.tradesense.application.challenge;

import java.util.List;

/**
 * What an ingestion answers: the resulting state and what happened to each event.
 *
 * @param replay true when every event was a repeat (a single repeated event answers its first entry)
 */
public record IngestAnswer(ChallengeSnapshot challenge, List<AppliedEvent> applied, boolean replay) {

    public IngestAnswer {
        applied = List.copyOf(applied);
    }

    public IngestAnswer asReplay(boolean replay) {
        return new IngestAnswer(challenge, applied, replay);
    }
}
