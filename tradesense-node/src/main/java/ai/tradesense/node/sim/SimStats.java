package ai.tradesense.node.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counts what the node answered, per second and in all, with request latency percentiles. */
final class SimStats {

    private static final Pattern STATUS = Pattern.compile("\"status\":\"(APPLIED|DUPLICATE|REFUSED)\"");

    /** The figures of a whole run. */
    record Summary(long sent, long applied, long duplicates, long refused, long errors, double seconds,
                   double p50Millis, double p99Millis) {
        @Override
        public String toString() {
            return String.format("summary: sent %d, applied %d, duplicates %d, refused %d, failed requests %d in %.1f s"
                    + " = %.0f events/s; request latency p50 %.1f ms, p99 %.1f ms", sent, applied, duplicates, refused,
                    errors, seconds, seconds == 0 ? 0 : sent / seconds, p50Millis, p99Millis);
        }
    }

    private final long began = System.nanoTime();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final List<Long> latencies = new ArrayList<>();
    private long lastSent;
    private long lastAt = began;
    private int lastLatency;

    void answered(int events, int status, String body, long nanos) {
        sent.addAndGet(events);
        if (status != 200) {
            errors.incrementAndGet();
            refused.addAndGet(events);
        } else {
            Matcher matcher = STATUS.matcher(body);
            while (matcher.find()) {
                switch (matcher.group(1)) {
                    case "APPLIED" -> applied.incrementAndGet();
                    case "DUPLICATE" -> duplicates.incrementAndGet();
                    default -> refused.incrementAndGet();
                }
            }
        }
        record(nanos);
    }

    void failed(int events, long nanos) {
        sent.addAndGet(events);
        refused.addAndGet(events);
        errors.incrementAndGet();
        record(nanos);
    }

    private synchronized void record(long nanos) {
        latencies.add(nanos);
    }

    /** One line for the last second: its rate and latencies, and the totals so far. */
    synchronized String progress() {
        long now = System.nanoTime();
        long total = sent.get();
        double rate = (total - lastSent) / ((now - lastAt) / 1e9);
        List<Long> window = new ArrayList<>(latencies.subList(lastLatency, latencies.size()));
        lastSent = total;
        lastAt = now;
        lastLatency = latencies.size();
        return String.format("%5.0f s  sent %d  applied %d  refused %d  %.0f events/s  p50 %.1f ms  p99 %.1f ms",
                (now - began) / 1e9, total, applied.get(), refused.get(), rate, percentile(window, 50),
                percentile(window, 99));
    }

    synchronized Summary summary() {
        List<Long> all = new ArrayList<>(latencies);
        return new Summary(sent.get(), applied.get(), duplicates.get(), refused.get(), errors.get(),
                (System.nanoTime() - began) / 1e9, percentile(all, 50), percentile(all, 99));
    }

    /** The nearest-rank percentile in milliseconds, 0 for no requests. */
    static double percentile(List<Long> nanos, int pct) {
        if (nanos.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(pct / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
