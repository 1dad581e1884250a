package ai.tradesense.domain.rules.surveillance;

import java.time.LocalDate;
import java.util.ArrayList;
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
        Keyed[] sorted = Keyed.sorted(trades, t -> links.party(t.traderId()) + ' ' + t.symbol());
        AccountPairs pairs = new AccountPairs(settings.evidenceLimit());
        List<Keyed> open = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            Keyed next = sorted[i];
            if (i == 0 || sorted[i - 1].group() != next.group()) {
                open.clear();
            }
            // held from the open up to, not including, the close
            open.removeIf(held -> held.closeMs() <= next.openMs());
            for (Keyed held : open) {
                if (held.trade().side() != next.trade().side()
                        && !held.trade().challengeId().equals(next.trade().challengeId())) {
                    pairs.add(held.trade().ref(), next.trade().ref());
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
}
