package ai.tradesense.domain.rules;

import static ai.tradesense.domain.rules.Plans.amount;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Single-thread throughput of {@link Evaluator#apply}, without and then with every conduct rule on (FLAG, so
 * the stream never fails; news against a calendar of 5,000 entries): not a test (surefire does not pick it up).
 * Run after {@code mvn test-compile}:
 * {@code java -cp tradesense-ejb/target/classes:tradesense-ejb/target/test-classes ai.tradesense.domain.rules.EngineBenchmark [events]}
 */
public final class EngineBenchmark {

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        Instant start = Instant.parse("2024-01-02T14:00:00Z");
        measure("loss rules", rules(null), start, count, EconomicCalendar.EMPTY);
        measure("every conduct rule on", rules(everyConductRule()), start, count, calendar(start));
    }

    private static RuleSet rules(ConductRules conduct) {
        return plan("100000").boundary("America/Chicago", "17:00")
                .phase(funded().inactivityDays(30).maxDays(400)
                        .dailyLoss(pct("5"), Anchor.DAY_PEAK_EQUITY, Base.INITIAL, Check.INTRADAY, OnBreach.FAIL)
                        .maxLoss(amount("10000"), Mode.TRAILING_INTRADAY_EQUITY, new Lock.AtInitial())
                        .conduct(conduct))
                .build();
    }

    private static ConductRules everyConductRule() {
        OnViolation flag = OnViolation.FLAG;
        return Conducts.conduct().maxLotsPerTrade("0.9", flag).maxOpenLots("3", flag).maxOpenTrades(3, flag)
                .maxTradesPerDay(20, flag).minHold(60, flag).stopLoss(30, flag).riskPerTrade(pct("0.5"), flag)
                .flatBy(java.time.DayOfWeek.FRIDAY, "16:00", "America/New_York", flag)
                .news(120, 300, flag, CalendarEntry.Impact.HIGH).build();
    }

    private static EconomicCalendar calendar(Instant start) {
        Random r = new Random(7);
        List<CalendarEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            entries.add(new CalendarEntry("c" + i, start.plusSeconds(r.nextInt(120 * 86_400)), "release",
                    CalendarEntry.Impact.values()[r.nextInt(3)], java.util.Set.of(r.nextBoolean() ? "EURUSD" : "XAUUSD")));
        }
        return EconomicCalendar.of(entries);
    }

    private static void measure(String name, RuleSet rules, Instant start, int count, EconomicCalendar calendar) {
        Event[] events = generate(rules, start, count, new Random(42));
        for (int i = 0; i < 3; i++) {
            run(rules, start, events, calendar);
        }
        double[] rates = new double[5];
        for (int i = 0; i < rates.length; i++) {
            long t0 = System.nanoTime();
            AccountState end = run(rules, start, events, calendar);
            long nanos = System.nanoTime() - t0;
            rates[i] = events.length / (nanos / 1e9);
            System.out.printf("%s, run %d: %,.0f events/s (%d events, %d trading days, status %s)%n",
                    name, i + 1, rates[i], events.length, end.tradingDays(), end.status());
        }
        Arrays.sort(rates);
        System.out.printf("%s: median %,.0f events/s, best %,.0f events/s on one thread%n", name, rates[2], rates[4]);
    }

    private static AccountState run(RuleSet rules, Instant start, Event[] events, EconomicCalendar calendar) {
        AccountState state = AccountState.start(rules, start);
        for (Event event : events) {
            state = Evaluator.apply(rules, state, event, calendar).state();
        }
        if (state.status() == ChallengeStatus.FAILED) {
            throw new IllegalStateException("the generated stream should not fail the account: " + state.failure());
        }
        return state;
    }

    /** A trading account's day: equity ticks, some opens and closes, a clock now and then; mean-reverting P/L. */
    private static Event[] generate(RuleSet rules, Instant start, int count, Random r) {
        BigDecimal initial = rules.initialBalance();
        BigDecimal[] prices = new BigDecimal[512];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = BigDecimal.valueOf(105_000 + i * 7L, 5);
        }
        Event[] events = new Event[count];
        List<String> open = new ArrayList<>();
        BigDecimal balance = initial;
        Instant at = start;
        int serial = 0;
        for (int i = 0; i < count; i++) {
            at = at.plusMillis(500 + r.nextInt(3000));
            int roll = r.nextInt(100);
            if (roll < 5 && open.size() < 5) {
                String id = "t" + serial++;
                open.add(id);
                BigDecimal price = prices[r.nextInt(prices.length)];
                // Half the trades open with a stop loss and a risk the platform computed; the rest get none.
                boolean stop = r.nextBoolean();
                events[i] = new Event.TradeOpened(id, at, "EURUSD", Side.BUY, BigDecimal.ONE, price,
                        stop ? price.subtract(BigDecimal.valueOf(2, 3)) : null, null,
                        stop ? BigDecimal.valueOf(200 + r.nextInt(400)) : null, null);
            } else if (roll < 10 && !open.isEmpty()) {
                String id = open.remove(r.nextInt(open.size()));
                long drift = balance.subtract(initial).longValue() / 20;
                BigDecimal profit = BigDecimal.valueOf((r.nextInt(20_000) - 10_000) - drift * 100, 2);
                balance = balance.add(profit);
                events[i] = new Event.TradeClosed(id, at, prices[r.nextInt(prices.length)], profit);
            } else if (roll < 98) {
                BigDecimal floating = open.isEmpty() ? BigDecimal.ZERO
                        : BigDecimal.valueOf(r.nextInt(100_000) - 50_000, 2);
                events[i] = new Event.EquityUpdate(null, at, balance.add(floating));
            } else {
                events[i] = new Event.Clock(null, at);
            }
        }
        return events;
    }
}
