package ai.tradesense.domain.surveillance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code COPY_TRADING}: accounts of different traders opening the same symbol and side within the copy window of each
 * other (inclusive: 500 ms apart matches, 501 ms does not), at least the minimum number of times in the day. Sorted by
 * (symbol, side, open time) and swept with the window: O(n log n) plus the matching pairs themselves.
 */
final class CopyTradingDetector {

    private CopyTradingDetector() {
    }

    /**
     * @param ownCopyingAllowed by challenge id: whether its plan allows copying between one trader's own accounts; a
     *                          pair of one trader's accounts counts unless both plans allow it
     */
    static List<Finding> detect(LocalDate day, List<SurveilledTrade> trades, SurveillanceSettings settings,
                                Predicate<String> ownCopyingAllowed) {
        Keyed[] sorted = Keyed.sorted(trades, t -> t.symbol() + ' ' + t.side());
        AccountPairs pairs = new AccountPairs(settings.evidenceLimit());
        long window = settings.copyWindowMs();
        for (int i = 0; i < sorted.length; i++) {
            Keyed first = sorted[i];
            long limit = first.openMs() + window;
            for (int j = i + 1; j < sorted.length; j++) {
                Keyed second = sorted[j];
                if (second.group() != first.group() || second.openMs() > limit) {
                    break;
                }
                if (counts(first.trade(), second.trade(), ownCopyingAllowed)) {
                    pairs.add(first.trade().ref(), second.trade().ref());
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (AccountPairs.Cluster c : pairs.clusters(settings.copyMinMatches())) {
            findings.add(new Finding.CopyTrading(day, c.accounts, c.traders, c.count, List.copyOf(c.evidence)));
        }
        return findings;
    }

    private static boolean counts(SurveilledTrade a, SurveilledTrade b, Predicate<String> ownCopyingAllowed) {
        if (a.challengeId().equals(b.challengeId())) {
            return false;
        }
        if (!a.traderId().equals(b.traderId())) {
            return true;
        }
        return !(ownCopyingAllowed.test(a.challengeId()) && ownCopyingAllowed.test(b.challengeId()));
    }
}
