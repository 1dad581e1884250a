package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the conduct rules ({@code docs/rules.md} §19) remember of an account: its open trades as they
 * need them, the trades opened today, the profit they exclude from the target, and the next deadlines.
 * Empty ({@link #NONE}) for a phase without conduct rules. Immutable.
 *
 * @param open           the open trades, in the order they opened
 * @param openLots       their total volume
 * @param tradesToday    trades opened in the current trading day
 * @param excludedProfit profit kept in the balance but not counted toward the profit target
 * @param nextFlatBy     the next {@code flatBy} instant after the last one applied; null without any
 * @param stopLossDue    the earliest stop-loss deadline of an open trade; null when none is pending
 */
public record ConductState(List<OpenTrade> open, BigDecimal openLots, int tradesToday, BigDecimal excludedProfit,
                           Instant nextFlatBy, Instant stopLossDue) {

    public static final ConductState NONE = new ConductState(List.of(), BigDecimal.ZERO, 0, BigDecimal.ZERO,
            null, null);

    public ConductState {
        open = open == null ? List.of() : List.copyOf(open);
        openLots = openLots == null ? BigDecimal.ZERO : openLots;
        excludedProfit = excludedProfit == null ? BigDecimal.ZERO : excludedProfit;
    }

    /** The state of a phase starting at {@code at}: nothing open, the first {@code flatBy} instant after it. */
    static ConductState start(ConductRules rules, Instant at) {
        if (rules == null) {
            return NONE;
        }
        return new ConductState(List.of(), BigDecimal.ZERO, 0, BigDecimal.ZERO, rules.nextFlatByAfter(at), null);
    }

    /** The earliest moment a conduct rule must be applied without an event: null when there is none. */
    public Instant nextDeadline() {
        if (open.isEmpty()) {
            return null;
        }
        if (stopLossDue == null || (nextFlatBy != null && nextFlatBy.isBefore(stopLossDue))) {
            return nextFlatBy;
        }
        return stopLossDue;
    }

    OpenTrade trade(String id) {
        for (OpenTrade trade : open) {
            if (trade.id().equals(id)) {
                return trade;
            }
        }
        return null;
    }

    /**
     * One open trade as the conduct rules need it.
     *
     * @param id          the platform's trade id
     * @param symbol      what it trades
     * @param volume      its lots
     * @param openedAt    when it opened
     * @param stopLossDue when it must have a stop loss; null once it has one or its violation counted
     * @param excluded    its profit stays out of the target (news traded at its open, EXCLUDE)
     * @param counted     the rules ({@link ConductRule} bits) it has already violated: each counts once
     */
    public record OpenTrade(String id, String symbol, BigDecimal volume, Instant openedAt, Instant stopLossDue,
                            boolean excluded, int counted) {
        public OpenTrade {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(volume, "volume");
            Objects.requireNonNull(openedAt, "openedAt");
        }

        boolean hasCounted(ConductRule rule) {
            return (counted & rule.bit()) != 0;
        }
    }
}
