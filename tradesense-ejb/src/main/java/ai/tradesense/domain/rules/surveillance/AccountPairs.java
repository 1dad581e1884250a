package ai.tradesense.domain.rules.surveillance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Evidence tallied per unordered pair of accounts, then merged into clusters of accounts linked by such pairs. */
final class AccountPairs {

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> accounts = new ArrayList<>();
    private final List<String> traders = new ArrayList<>();
    private final Map<Pair, Tally> pairs = new HashMap<>();
    private final int evidenceLimit;

    AccountPairs(int evidenceLimit) {
        this.evidenceLimit = evidenceLimit;
    }

    void add(Finding.TradeRef first, Finding.TradeRef second) {
        int a = intern(first);
        int b = intern(second);
        Tally tally = pairs.computeIfAbsent(a < b ? new Pair(a, b) : new Pair(b, a), k -> new Tally());
        tally.count++;
        if (tally.evidence.size() < evidenceLimit) {
            tally.evidence.add(new Finding.Pairing(first, second));
        }
    }

    /** Clusters of accounts joined by pairs with at least {@code minCount} entries, in a stable order. */
    List<Cluster> clusters(int minCount) {
        int[] parent = new int[accounts.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        List<Map.Entry<Pair, Tally>> kept = new ArrayList<>();
        for (Map.Entry<Pair, Tally> pair : pairs.entrySet()) {
            if (pair.getValue().count >= minCount) {
                kept.add(pair);
                union(parent, pair.getKey().low(), pair.getKey().high());
            }
        }
        Map<Integer, Cluster> byRoot = new HashMap<>();
        for (Map.Entry<Pair, Tally> pair : kept) {
            int a = pair.getKey().low();
            int b = pair.getKey().high();
            Cluster cluster = byRoot.computeIfAbsent(find(parent, a), r -> new Cluster());
            cluster.take(accounts.get(a), traders.get(a));
            cluster.take(accounts.get(b), traders.get(b));
            cluster.count += pair.getValue().count;
            cluster.evidence.addAll(pair.getValue().evidence);
        }
        List<Cluster> clusters = new ArrayList<>(byRoot.values());
        for (Cluster cluster : clusters) {
            // A total order, so the evidence kept does not depend on the order pairs were tallied in.
            cluster.evidence.sort(Comparator.comparing((Finding.Pairing p) -> p.first().openedAt())
                    .thenComparing(p -> p.first().challengeId()).thenComparing(p -> p.first().tradeId())
                    .thenComparing(p -> p.second().challengeId()).thenComparing(p -> p.second().tradeId()));
            if (cluster.evidence.size() > evidenceLimit) {
                cluster.evidence.subList(evidenceLimit, cluster.evidence.size()).clear();
            }
        }
        clusters.sort(Comparator.comparing(c -> c.accounts.first()));
        return clusters;
    }

    private int intern(Finding.TradeRef trade) {
        Integer at = index.get(trade.challengeId());
        if (at == null) {
            at = accounts.size();
            index.put(trade.challengeId(), at);
            accounts.add(trade.challengeId());
            traders.add(trade.traderId());
        }
        return at;
    }

    private static int find(int[] parent, int i) {
        int at = i;
        while (parent[at] != at) {
            parent[at] = parent[parent[at]];
            at = parent[at];
        }
        return at;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /**
     * Two accounts by their place in {@link #accounts}, the lower first. Hashed by multiplying, not as a
     * {@code long} of both (whose hash is {@code low ^ high}: the pairs of a few hundred accounts share a
     * few hundred hashes, and the map's bins turn into trees).
     */
    private record Pair(int low, int high) {
        @Override
        public int hashCode() {
            return low * 0x9E3779B1 + high;
        }
    }

    private static final class Tally {
        int count;
        final List<Finding.Pairing> evidence = new ArrayList<>(2);
    }

    /** Accounts joined by qualifying pairs, with the evidence of those pairs. */
    static final class Cluster {
        final SortedSet<String> accounts = new TreeSet<>();
        final SortedSet<String> traders = new TreeSet<>();
        final List<Finding.Pairing> evidence = new ArrayList<>();
        int count;

        private void take(String account, String trader) {
            accounts.add(account);
            traders.add(trader);
        }
    }
}
