package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a phase's account may be traded ({@code docs/rules.md} §19). Every rule is optional (null, or an
 * empty {@code flatBy}) and carries its own {@link OnViolation}; only {@code minHold} and {@code news} may
 * EXCLUDE.
 *
 * @param maxLotsPerTrade a trade opened with volume above {@code lots}
 * @param maxOpenLots     open volume above {@code lots} after a trade opens
 * @param maxOpenTrades   open trades above {@code count} after a trade opens
 * @param maxTradesPerDay the ({@code count}+1)th trade opened in one trading day
 * @param minHold         a trade closed less than {@code seconds} after its open
 * @param stopLoss        a trade still open without a stop loss {@code seconds} after its open
 * @param riskPerTrade    a trade opened with a reported risk above the allowance of the initial balance
 * @param flatBy          weekly instants a trade must not be held across
 * @param news            trades opened or closed around calendar entries
 */
public record ConductRules(Lots maxLotsPerTrade, Lots maxOpenLots, Count maxOpenTrades, Count maxTradesPerDay,
                           Seconds minHold, Seconds stopLoss, Risk riskPerTrade, List<FlatBy> flatBy, News news) {

    public ConductRules {
        flatBy = flatBy == null ? List.of() : List.copyOf(flatBy);
        refuseExclude(maxLotsPerTrade == null ? null : maxLotsPerTrade.onViolation(), "maxLotsPerTrade");
        refuseExclude(maxOpenLots == null ? null : maxOpenLots.onViolation(), "maxOpenLots");
        refuseExclude(maxOpenTrades == null ? null : maxOpenTrades.onViolation(), "maxOpenTrades");
        refuseExclude(maxTradesPerDay == null ? null : maxTradesPerDay.onViolation(), "maxTradesPerDay");
        refuseExclude(stopLoss == null ? null : stopLoss.onViolation(), "stopLoss");
        refuseExclude(riskPerTrade == null ? null : riskPerTrade.onViolation(), "riskPerTrade");
        for (FlatBy instant : flatBy) {
            refuseExclude(instant.onViolation(), "flatBy");
        }
    }

    private static void refuseExclude(OnViolation action, String rule) {
        if (action == OnViolation.EXCLUDE) {
            throw new IllegalArgumentException(rule + " cannot EXCLUDE: only minHold and news can");
        }
    }

    /** The first {@code flatBy} instant strictly after {@code at}; null without any. */
    public Instant nextFlatByAfter(Instant at) {
        Instant next = null;
        for (FlatBy instant : flatBy) {
            Instant candidate = instant.nextAfter(at);
            if (next == null || candidate.isBefore(next)) {
                next = candidate;
            }
        }
        return next;
    }

    /** The strongest action of the {@code flatBy} entries that fall on {@code at}; null when none does. */
    OnViolation flatByActionAt(Instant at) {
        OnViolation strongest = null;
        Instant justBefore = at.minusNanos(1);
        for (FlatBy instant : flatBy) {
            if (instant.nextAfter(justBefore).equals(at)
                    && (strongest == null || instant.onViolation().ordinal() < strongest.ordinal())) {
                strongest = instant.onViolation();
            }
        }
        return strongest;
    }

    /** A volume limit in lots, &gt; 0. */
    public record Lots(BigDecimal lots, OnViolation onViolation) {
        public Lots {
            Objects.requireNonNull(lots, "lots");
            Objects.requireNonNull(onViolation, "onViolation");
        }
    }

    /** A count limit, &ge; 1 (or 0 for trades per day, no trade at all). */
    public record Count(int count, OnViolation onViolation) {
        public Count {
            Objects.requireNonNull(onViolation, "onViolation");
        }
    }

    /** A span of time in whole seconds, &ge; 1. */
    public record Seconds(long seconds, OnViolation onViolation) {
        public Seconds {
            Objects.requireNonNull(onViolation, "onViolation");
        }
    }

    /** The most a trade may risk: a percentage of the initial balance or a fixed amount. */
    public record Risk(Allowance allowance, OnViolation onViolation) {
        public Risk {
            Objects.requireNonNull(allowance, "allowance");
            Objects.requireNonNull(onViolation, "onViolation");
        }
    }

    /**
     * A weekly instant, {@code day} at {@code time} in {@code zone}, DST-aware as a day boundary: a time in a
     * spring-forward gap moves to the end of the gap, one in an autumn overlap takes the earlier offset.
     */
    public record FlatBy(DayOfWeek day, LocalTime time, ZoneId zone, OnViolation onViolation) {
        public FlatBy {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(onViolation, "onViolation");
        }

        /** The first such instant strictly after {@code at}. */
        public Instant nextAfter(Instant at) {
            DayBoundary weekly = new DayBoundary(zone, time);
            LocalDate date = at.atZone(zone).toLocalDate().minusDays(1).with(TemporalAdjusters.nextOrSame(day));
            Instant candidate = weekly.on(date);
            while (!candidate.isAfter(at)) {
                date = date.plusWeeks(1);
                candidate = weekly.on(date);
            }
            return candidate;
        }
    }

    /**
     * Trading from {@code beforeSeconds} before to {@code afterSeconds} after a calendar entry of one of the
     * {@code impact} levels whose symbols include the trade's, both edges included.
     */
    public record News(long beforeSeconds, long afterSeconds, Set<CalendarEntry.Impact> impact,
                       OnViolation onViolation) {
        public News {
            Objects.requireNonNull(onViolation, "onViolation");
            impact = Set.copyOf(impact);
        }
    }
}
