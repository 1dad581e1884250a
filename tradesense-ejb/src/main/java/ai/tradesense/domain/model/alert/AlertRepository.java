package ai.tradesense.domain.model.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.model.TimeWindow;

/** Stored alerts. */
public interface AlertRepository {

    Optional<Alert> find(String id);

    /** The alert locked for the rest of the transaction. */
    Optional<Alert> lock(String id);

    boolean exists(String challengeId, String dedupeKey);

    void add(Alert alert);

    /** The dedupe keys of the alerts of these challenges raised since {@code since}, by challenge. */
    Map<String, Set<String>> keysSince(Collection<String> challengeIds, Instant since);

    /**
     * Newest first; filters may be null.
     *
     * @param acknowledged true for acknowledged alerts only, false for open ones only, null for both
     */
    Page<Alert> search(Boolean acknowledged, String kind, String challengeId, TimeWindow window, int page, int size);

    /** Newest first, of any of these kinds; {@code acknowledged} as above. */
    Page<Alert> search(Boolean acknowledged, Collection<String> kinds, int page, int size);

    /** Deletes acknowledged alerts raised before {@code before}; returns how many. */
    int deleteAcknowledgedBefore(Instant before);
}
