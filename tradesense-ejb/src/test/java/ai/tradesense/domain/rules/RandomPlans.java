package ai.tradesense.domain.rules;

import static ai.tradesense.domain.rules.Plans.evaluation;
import static ai.tradesense.domain.rules.Plans.funded;
import static ai.tradesense.domain.rules.Plans.pct;
import static ai.tradesense.domain.rules.Plans.plan;

import ai.tradesense.domain.rules.DailyLossRule.Anchor;
import ai.tradesense.domain.rules.DailyLossRule.Base;
import ai.tradesense.domain.rules.DailyLossRule.Check;
import ai.tradesense.domain.rules.DailyLossRule.OnBreach;
import ai.tradesense.domain.rules.MaxLossRule.Lock;
import ai.tradesense.domain.rules.MaxLossRule.Mode;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded random plans and plausible event streams for the property tests and the benchmark. */
final class RandomPlans {

    private static final String[][] BOUNDARIES = {
        {"Europe/Prague", "00:00"}, {"America/Chicago", "17:00"}, {"UTC", "00:30"}, {"Australia/Sydney", "08:00"}};
    private static final String[] INITIALS = {"10000", "50000", "100000", "200000"};

    private RandomPlans() {
    }

    static RuleSet plan(Random r) {
        String[] boundary = BOUNDARIES[r.nextInt(BOUNDARIES.length)];
        Plans plan = Plans.plan(INITIALS[r.nextInt(INITIALS.length)])
                .boundary(boundary[0], boundary[1])
                .breachWhen(r.nextBoolean() ? BreachWhen.BELOW : BreachWhen.AT_OR_BELOW);
        int phases = 1 + r.nextInt(3);
        for (int i = 0; i < phases; i++) {
            boolean last = i == phases - 1;
            plan.phase(phase(r, last && r.nextInt(3) == 0));
        }
        return plan.build();
    }

    private static Plans.Phase phase(Random r, boolean funded) {
        Plans.Phase phase = funded ? funded() : evaluation();
        if (!funded && r.nextInt(6) > 0) {
            phase.target(pct(String.valueOf(1 + r.nextInt(8))));
        }
        if (r.nextBoolean()) {
            phase.notFlat();
        }
        phase.minTradingDays(r.nextInt(4));
        if (r.nextInt(3) == 0) {
            phase.maxDays(3 + r.nextInt(30));
        }
        if (r.nextInt(3) == 0) {
            phase.inactivityDays(2 + r.nextInt(10));
        }
        if (r.nextInt(5) > 0) {
            phase.dailyLoss(pct(String.valueOf(2 + r.nextInt(5))), pick(r, Anchor.values()),
                    pick(r, Base.values()), pick(r, Check.values()), pick(r, OnBreach.values()));
        }
        if (r.nextInt(5) > 0) {
            Lock lock = switch (r.nextInt(3)) {
                case 0 -> null;
                case 1 -> new Lock.AtInitial();
                default -> new Lock.InitialPlus(BigDecimal.valueOf(r.nextInt(500)));
            };
            phase.maxLoss(pct(String.valueOf(4 + r.nextInt(8))), pick(r, Mode.values()), lock);
        }
        if (r.nextInt(4) == 0) {
            phase.consistency(String.valueOf(30 + r.nextInt(71)), r.nextBoolean());
        }
        if (r.nextInt(5) == 0) {
            phase.review();
        }
        return phase;
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    static Instant start(Random r) {
        return Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofMinutes(r.nextInt(365 * 24 * 60)));
    }

    /** The next step after {@code at}: minutes mostly, sometimes hours, now and then days. */
    static Instant later(Random r, Instant at) {
        int kind = r.nextInt(100);
        if (kind < 70) {
            return at.plusSeconds(r.nextInt(2 * 60 * 60));
        }
        if (kind < 95) {
            return at.plusSeconds(r.nextInt(30 * 60 * 60));
        }
        return at.plusSeconds(r.nextInt(5 * 24 * 60 * 60));
    }

    /** A plausible next event for {@code state}: it opens, closes known trades and reports equity. */
    static Event event(Random r, RuleSet rules, AccountState state, Instant at, int serial) {
        long swing = rules.initialBalance().longValue() / 40;
        int roll = r.nextInt(100);
        if (roll < 25 && state.openTrades() < 4) {
            return new Event.TradeOpened("t" + serial, at, "EURUSD", r.nextBoolean() ? Side.BUY : Side.SELL,
                    BigDecimal.valueOf(1 + r.nextInt(300), 2), BigDecimal.valueOf(100_000 + r.nextInt(20_000), 5));
        }
        if (roll < 50 && state.openTrades() > 0) {
            List<String> ids = new ArrayList<>(state.openTradeIds());
            ids.sort(null);
            String id = ids.get(r.nextInt(ids.size()));
            return new Event.TradeClosed(id, at, BigDecimal.valueOf(108_000 + r.nextInt(2000), 5),
                    cents(r, swing));
        }
        if (roll < 90) {
            BigDecimal floating = state.openTrades() == 0 ? BigDecimal.ZERO : cents(r, 2 * swing);
            return new Event.EquityUpdate(null, at, state.balance().add(floating).max(BigDecimal.ZERO));
        }
        return new Event.Clock(null, at);
    }

    /** {@code rules} with random conduct rules in every phase, every rule and every action reachable. */
    static RuleSet withConduct(RuleSet rules, Random r) {
        List<PhaseRules> phases = new ArrayList<>();
        for (PhaseRules p : rules.phases()) {
            phases.add(new PhaseRules(p.name(), p.kind(), p.review(), p.profitTarget(), p.requireFlat(),
                    p.minTradingDays(), p.maxDays(), p.inactivityDays(), p.dailyLoss(), p.maxLoss(), p.consistency(),
                    conduct(r), p.payout(), p.scaling()));
        }
        return new RuleSet(rules.code(), rules.name(), rules.currency(), rules.initialBalance(), rules.dayBoundary(),
                rules.breachWhen(), phases);
    }

    private static ConductRules conduct(Random r) {
        OnViolation[] strict = {OnViolation.FAIL, OnViolation.PAUSE, OnViolation.FLAG};
        List<ConductRules.FlatBy> flatBy = new ArrayList<>();
        if (r.nextBoolean()) {
            flatBy.add(new ConductRules.FlatBy(pick(r, DayOfWeek.values()), LocalTime.of(r.nextInt(24), 0),
                    ZoneId.of(pick(r, BOUNDARIES)[0]), pick(r, strict)));
        }
        return new ConductRules(
                r.nextBoolean() ? new ConductRules.Lots(BigDecimal.valueOf(1 + r.nextInt(3)), pick(r, strict)) : null,
                r.nextBoolean() ? new ConductRules.Lots(BigDecimal.valueOf(2 + r.nextInt(5)), pick(r, strict)) : null,
                r.nextBoolean() ? new ConductRules.Count(1 + r.nextInt(3), pick(r, strict)) : null,
                r.nextBoolean() ? new ConductRules.Count(1 + r.nextInt(5), pick(r, strict)) : null,
                r.nextBoolean() ? new ConductRules.Seconds(60 + r.nextInt(3600), pick(r, OnViolation.values())) : null,
                r.nextBoolean() ? new ConductRules.Seconds(30 + r.nextInt(600), pick(r, strict)) : null,
                r.nextBoolean() ? new ConductRules.Risk(pct("1"), pick(r, strict)) : null,
                flatBy,
                r.nextBoolean() ? new ConductRules.News(60 + r.nextInt(1800), 60 + r.nextInt(1800),
                        Set.of(CalendarEntry.Impact.HIGH), pick(r, OnViolation.values())) : null);
    }

    /** A calendar of HIGH EURUSD and LOW GBPUSD releases every few hours from {@code from} for 200 days. */
    static EconomicCalendar calendar(Random r, Instant from) {
        List<CalendarEntry> entries = new ArrayList<>();
        Instant at = from;
        for (int i = 0; i < 1600; i++) {
            at = at.plusSeconds(600 + r.nextInt(6 * 60 * 60));
            boolean high = r.nextInt(3) > 0;
            entries.add(new CalendarEntry("c" + i, at, "release " + i,
                    high ? CalendarEntry.Impact.HIGH : CalendarEntry.Impact.LOW, Set.of(high ? "EURUSD" : "GBPUSD")));
        }
        return EconomicCalendar.of(entries);
    }

    /** The open with a stop loss now and then, a risk reported, or a stop loss added later by a modify. */
    static Event withTradeDetails(Event event, AccountState state, Random r) {
        if (event instanceof Event.TradeOpened o) {
            BigDecimal stop = r.nextBoolean() ? o.price().subtract(new BigDecimal("0.00200")) : null;
            BigDecimal risk = r.nextBoolean() ? BigDecimal.valueOf(r.nextInt(300_000), 2) : null;
            return new Event.TradeOpened(o.id(), o.at(), o.symbol(), o.side(), o.volume(), o.price(), stop, null,
                    risk, null);
        }
        if (event instanceof Event.EquityUpdate e && state.openTrades() > 0 && r.nextInt(4) == 0) {
            List<String> ids = new ArrayList<>(state.openTradeIds());
            ids.sort(null);
            return new Event.TradeModified(ids.get(r.nextInt(ids.size())), e.at(), new BigDecimal("1.05"), null);
        }
        return event;
    }

    /** A uniform amount in (−range, range) with cents, slightly biased towards profit. */
    static BigDecimal cents(Random r, long range) {
        long c = (long) (r.nextDouble() * 2 * range * 100) - range * 100 + range * 5;
        return BigDecimal.valueOf(c, 2);
    }
}
