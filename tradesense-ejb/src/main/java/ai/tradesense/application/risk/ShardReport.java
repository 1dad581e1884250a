package ai.tradesense.application.risk;

/**
 * What processing one or more shards did.
 *
 * @param scanned  trading challenges covered
 * @param attended those that needed the worker (a tick due, a level reached, a feed gone quiet)
 * @param ticks    {@code CLOCK} events applied
 * @param alerts   alerts raised
 * @param failures challenges that could not be processed (logged; retried by the next cycle)
 */
public record ShardReport(int scanned, int attended, int ticks, int alerts, int failures) {

    public static final ShardReport NONE = new ShardReport(0, 0, 0, 0, 0);

    public ShardReport plus(ShardReport other) {
        return new ShardReport(scanned + other.scanned, attended + other.attended, ticks + other.ticks,
                alerts + other.alerts, failures + other.failures);
    }
}
