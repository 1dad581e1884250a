package ai.tradesense.domain.surveillance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * {@code CROSS_HEDGE}: opposite positions on one symbol held at the same time by two accounts of one party (one
 * trader, or traders staff linked). Holding means from the open up to, not including, the close: a trade closed at the
 * instant the other opens does not overlap it. Sorted by (party, symbol, open time) and swept with the positions still
 * open: O(n log n) plus the overlaps.
 */
final class CrossHedgeDetector {

    private CrossHedgeDetector() {
    }

    static List<Finding> detect(LocalDate day, List<SurveilledTrade> trades, TraderLinks links,
                                SurveillanceSettings settings) {
        Party[] sorted = new Party[trades.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = new Party(links.party(trades.get(i).traderId()), trades.get(i));
        }
        Arrays.sort(sorted, Comparator.comparing(Party::party)
                .thenComparing(p -> p.trade().symbol())
                .thenComparing(p -> p.trade().openedAt()));
        AccountPairs pairs = new AccountPairs(settings.evidenceLimit());
        List<SurveilledTrade> open = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            SurveilledTrade next = sorted[i].trade();
            if (i == 0 || !sorted[i - 1].party().equals(sorted[i].party())
                    || !sorted[i - 1].trade().symbol().equals(next.symbol())) {
                open.clear();
            }
            open.removeIf(held -> !held.openAt(next.openedAt()));
            for (SurveilledTrade held : open) {
                if (held.side() != next.side() && !held.challengeId().equals(next.challengeId())) {
                    pairs.add(held.ref(), next.ref());
                }
            }
            open.add(next);
        }
        List<Finding> findings = new ArrayList<>();
        for (AccountPairs.Cluster c : pairs.clusters(1)) {
            findings.add(new Finding.CrossHedge(day, c.accounts, c.traders, c.count, List.copyOf(c.evidence)));
        }
        return findings;
    }

    private record Party(String party, SurveilledTrade trade) { }
}
