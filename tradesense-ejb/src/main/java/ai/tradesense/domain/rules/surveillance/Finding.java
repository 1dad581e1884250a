package ai.tradesense.domain.rules.surveillance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;

import ai.tradesense.domain.rules.Side;

/**
 * Something across accounts staff should judge, with its evidence. A finding changes no account; its identity for
 * de-duplication is (kind, day, accounts).
 */
public sealed interface Finding permits Finding.CopyTrading, Finding.CrossHedge, Finding.SharedAddress {

    /** What was found. */
    enum Kind { COPY_TRADING, CROSS_HEDGE, SHARED_IP }

    Kind kind();

    LocalDate day();

    /** The challenges involved, sorted. */
    SortedSet<String> accounts();

    /** The traders involved, sorted. */
    SortedSet<String> traders();

    /** A trade named in evidence. {@code closedAt} is null while it is open. */
    record TradeRef(String challengeId, String traderId, String tradeId, String symbol, Side side, Instant openedAt,
                    Instant closedAt) { }

    /** Two trades of two accounts that match (copy trading) or offset each other (hedge). */
    record Pairing(TradeRef first, TradeRef second) { }

    /** A trader seen at an address: by a sign-in ({@code challengeId} and {@code tradeId} null) or a trade. */
    record Sighting(String traderId, String challengeId, String tradeId, Instant at) { }

    /**
     * Accounts that opened the same symbol and side within the window of each other at least the minimum number of
     * times: a cluster of accounts linked by such pairs; {@code matches} counts every matching pair of trades.
     */
    record CopyTrading(LocalDate day, SortedSet<String> accounts, SortedSet<String> traders, int matches,
                       List<Pairing> evidence) implements Finding {
        @Override
        public Kind kind() {
            return Kind.COPY_TRADING;
        }
    }

    /** Accounts of one party (a trader, or traders staff linked) that held opposite positions on a symbol at once. */
    record CrossHedge(LocalDate day, SortedSet<String> accounts, SortedSet<String> traders, int overlaps,
                      List<Pairing> evidence) implements Finding {
        @Override
        public Kind kind() {
            return Kind.CROSS_HEDGE;
        }
    }

    /** Different traders seen at one address on one day; {@code accounts} are those whose trades named it. */
    record SharedAddress(LocalDate day, String address, SortedSet<String> accounts, SortedSet<String> traders,
                         int sightings, List<Sighting> evidence) implements Finding {
        @Override
        public Kind kind() {
            return Kind.SHARED_IP;
        }
    }
}
