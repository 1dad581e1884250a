package ai.tradesense.domain.rules.surveillance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code SHARED_IP}: sign-ins or reported trades of different traders from one address within the day. Traders staff
 * linked are one party (a household sharing a line is what a link says), so they alone do not make a finding.
 */
final class SharedAddressDetector {

    private SharedAddressDetector() {
    }

    static List<Finding> detect(LocalDate day, List<SurveilledTrade> trades, List<SignIn> signIns, TraderLinks links,
                                SurveillanceSettings settings) {
        Map<String, List<Finding.Sighting>> byAddress = new TreeMap<>();
        for (SignIn signIn : signIns) {
            byAddress.computeIfAbsent(signIn.address(), a -> new ArrayList<>())
                    .add(new Finding.Sighting(signIn.traderId(), null, null, signIn.at()));
        }
        for (SurveilledTrade trade : trades) {
            if (trade.clientIp() != null) {
                byAddress.computeIfAbsent(trade.clientIp(), a -> new ArrayList<>()).add(new Finding.Sighting(
                        trade.traderId(), trade.challengeId(), trade.tradeId(), trade.openedAt()));
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, List<Finding.Sighting>> entry : byAddress.entrySet()) {
            List<Finding.Sighting> seen = entry.getValue();
            if (parties(seen, links) < 2) {
                continue;
            }
            TreeSet<String> traders = new TreeSet<>();
            TreeSet<String> accounts = new TreeSet<>();
            for (Finding.Sighting sighting : seen) {
                traders.add(sighting.traderId());
                if (sighting.challengeId() != null) {
                    accounts.add(sighting.challengeId());
                }
            }
            findings.add(new Finding.SharedAddress(day, entry.getKey(), accounts, traders, seen.size(),
                    evidence(seen, settings.evidenceLimit())));
        }
        return findings;
    }

    private static int parties(List<Finding.Sighting> seen, TraderLinks links) {
        Set<String> parties = new HashSet<>();
        for (Finding.Sighting sighting : seen) {
            parties.add(links.party(sighting.traderId()));
        }
        return parties.size();
    }

    /** The first sighting of each trader first (so every trader is named), then the rest in time order. */
    private static List<Finding.Sighting> evidence(List<Finding.Sighting> seen, int limit) {
        List<Finding.Sighting> byTime = new ArrayList<>(seen);
        byTime.sort(Comparator.comparing(Finding.Sighting::at));
        Map<String, Finding.Sighting> firsts = new HashMap<>();
        List<Finding.Sighting> ordered = new ArrayList<>();
        for (Finding.Sighting sighting : byTime) {
            if (firsts.putIfAbsent(sighting.traderId(), sighting) == null) {
                ordered.add(sighting);
            }
        }
        for (Finding.Sighting sighting : byTime) {
            if (firsts.get(sighting.traderId()) != sighting) {
                ordered.add(sighting);
            }
        }
        return List.copyOf(ordered.subList(0, Math.min(limit, ordered.size())));
    }
}
