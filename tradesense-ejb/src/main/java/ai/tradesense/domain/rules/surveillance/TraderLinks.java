package ai.tradesense.domain.rules.surveillance;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Traders staff linked (a household, a company), closed over: if A is linked to B and B to C, all three are one
 * party. A trader nobody linked is a party of one.
 */
public final class TraderLinks {

    public static final TraderLinks NONE = new TraderLinks(Map.of());

    private final Map<String, String> parent;

    private TraderLinks(Map<String, String> parent) {
        this.parent = parent;
    }

    /** Links from pairs of trader ids. */
    public static TraderLinks of(Iterable<Link> links) {
        Map<String, String> parent = new HashMap<>();
        TraderLinks built = new TraderLinks(parent);
        for (Link link : links) {
            String a = built.party(link.traderA());
            String b = built.party(link.traderB());
            if (!a.equals(b)) {
                // the smaller id names the party, so the result does not depend on the order of the links
                parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
            }
        }
        return built;
    }

    /** The party's name: the same string for every trader of one party. */
    public String party(String traderId) {
        String at = traderId;
        String up = parent.get(at);
        while (up != null) {
            at = up;
            up = parent.get(at);
        }
        return at;
    }

    public boolean sameParty(String traderA, String traderB) {
        return party(traderA).equals(party(traderB));
    }

    /** Two traders staff linked. */
    public record Link(String traderA, String traderB) {
        public Link {
            Objects.requireNonNull(traderA, "traderA");
            Objects.requireNonNull(traderB, "traderB");
        }
    }
}
