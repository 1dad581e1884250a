package ai.tradesense.node.bench;

import java.util.Arrays;

/** Latency samples of many threads, merged and sorted; nearest-rank percentiles in milliseconds. */
final class Percentiles {

    private Percentiles() {
    }

    static long[] merge(long[][] perThread, int[] counts) {
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int i = 0; i < counts.length; i++) {
            if (perThread[i] != null) {
                System.arraycopy(perThread[i], 0, all, at, counts[i]);
                at += counts[i];
            }
        }
        all = Arrays.copyOf(all, at);
        Arrays.sort(all);
        return all;
    }

    static double millis(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sortedNanos.length);
        return sortedNanos[Math.min(Math.max(rank - 1, 0), sortedNanos.length - 1)] / 1e6;
    }
}
