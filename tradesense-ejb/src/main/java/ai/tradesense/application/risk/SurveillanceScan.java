package ai.tradesense.application.risk;

import java.time.Instant;
import java.util.List;

/**
 * The worker's surveillance: the detectors over recent days, findings raised as alerts; no account changes. A cycle
 * is cut into one shard per detector and day (docs/surveillance.md, "Sharding"), which any worker may take.
 */
public interface SurveillanceScan {

    /** What one scan read and raised. */
    record Report(int days, int trades, int signIns, int findings, int raised) { }

    /** Scans the current and the previous surveillance day up to {@code now}, every shard here and now. */
    Report scan(Instant now);

    /** The shards of a cycle at {@code now}: each detector over the previous and the current surveillance day. */
    List<Shard> plan(String cycle, Instant now);

    /**
     * Runs one shard: its detector over its day, raising what it finds. Scanned counts the trades and sign-ins read,
     * attended the findings, alerts those raised now (a finding raised before is not raised again).
     */
    ShardReport scan(Shard shard);

    /** Forgets sign-in addresses older than the retention time; returns how many. */
    int forgetAddresses(Instant now);
}
