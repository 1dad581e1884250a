package ai.tradesense.application.risk;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The worker's work, called by the batch jobs. Each challenge is handled in a transaction of its own, so
 * one bad account costs only itself, and everything is safe to repeat: ticks carry their time as id and
 * alerts a dedupe key.
 */
public interface RiskMonitorService {

    /**
     * Cuts the trading challenges (for RESET: those with a day boundary due at {@code now}) into shards; for SURVEIL
     * the detectors and days of a surveillance cycle ({@link SurveillanceScan#plan}).
     */
    List<Shard> plan(Shard.Kind kind, String cycle, Instant now, int shardSize);

    /** True when some trading challenge has a day boundary due at {@code now} (the daily reset has work). */
    boolean resetsDue(Instant now);

    /**
     * Brings every challenge of the shard that needs it up to the shard's time, and raises alerts; a SURVEIL shard
     * runs its detector ({@link SurveillanceScan#scan(Shard)}).
     */
    ShardReport process(Shard shard);

    /**
     * Extends the daily snapshots with the events recorded since the last run, for at most
     * {@code limit} challenges.
     *
     * @return items: challenges brought up to date; failures: those that could not be
     */
    ShardReport takeSnapshots(int limit);

    /**
     * Deletes what the retention settings allow (acknowledged alerts, spent refresh tokens; never audit
     * entries, events, trades or challenges) and measures the tables.
     *
     * @return what was pruned, by name, and each table's rows (and bytes where the database says)
     */
    Map<String, Long> maintain(Instant now);
}
