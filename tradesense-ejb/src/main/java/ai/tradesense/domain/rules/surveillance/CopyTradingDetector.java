package ai.tradesense.domain.rules.surveillance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code COPY_TRADING}: accounts of different traders opening the same symbol and side within the copy window of each
 * other (inclusive: 500 ms apart matches, 501 ms does not), at least the minimum number of times in the day. Accounts
 * of one party (one trader, or traders staff linked, as for hedges) copying each other are own-account copying: no
 * match unless either account's plan forbids it. Sorted by (symbol, side, open time) and swept with the window:
 * O(n log n) plus the matching pairs themselves.
 */
final class CopyTradingDetector {

    private CopyTradingDetector() {
    }

    /**
     * @param ownCopyingForbidden by challenge id: whether its plan forbids own-account copying; a pair of one party's
     *                            accounts counts only if either plan forbids it, other parties' pairs always count
     */
    static List<Finding> detect(LocalDate day, List<SurveilledTrade> trades, TraderLinks links,
                                SurveillanceSettings settings, Predicate<String> ownCopyingForbidden) {
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
                if (counts(first.trade(), second.trade(), links, ownCopyingForbidden)) {
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

    private static boolean counts(SurveilledTrade a, SurveilledTrade b, TraderLinks links,
                                  Predicate<String> ownCopyingForbidden) {
        if (a.challengeId().equals(b.challengeId())) {
            return false;
        }
        if (!links.sameParty(a.traderId(), b.traderId())) {
            return true;
        }
        return ownCopyingForbidden.test(a.challengeId()) || ownCopyingForbidden.test(b.challengeId());
    }
}
