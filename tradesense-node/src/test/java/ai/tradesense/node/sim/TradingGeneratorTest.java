package ai.tradesense.node.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import ai.tradesense.node.sim.TradingGenerator.BridgeEvent;

class TradingGeneratorTest {

    private static final BigDecimal INITIAL = new BigDecimal("100000");
    private static final Instant START = Instant.parse("2030-03-04T08:00:00Z");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern PROFIT = Pattern.compile("\"profit\":(-?[0-9.]+)");
    private static final Pattern EQUITY = Pattern.compile("\"equity\":(-?[0-9.]+)");

    @Test
    void theSameSeedMakesTheSameTradingAndAnotherSeedOther() {
        assertThat(events(generator(200, 0.1, 7), 5_000)).isEqualTo(events(generator(200, 0.1, 7), 5_000));
        assertThat(events(generator(200, 0.1, 7), 5_000)).isNotEqualTo(events(generator(200, 0.1, 8), 5_000));
    }

    @Test
    void breachesTheGivenShareOfAccountsAndOnlyThose() {
        TradingGenerator generator = generator(200, 0.15, 3);
        Map<Integer, BigDecimal> lowest = new HashMap<>();
        for (int round = 0; round < 600; round++) {
            for (int account = 0; account < generator.accounts(); account++) {
                generator.next(account);
                lowest.merge(account, generator.equity(account), BigDecimal::min);
            }
        }
        BigDecimal maxLossFloor = new BigDecimal("90000");
        Set<Integer> breached = new HashSet<>();
        lowest.forEach((account, equity) -> {
            if (equity.compareTo(maxLossFloor) < 0) {
                breached.add(account);
            }
        });

        assertThat(breached).hasSize(30);
        assertThat(breached).allMatch(generator::breaches);
        assertThat(IntStream.range(0, 200).filter(generator::breaches).count()).isEqualTo(30);
        // Calm accounts never come near a 5% daily loss either.
        lowest.forEach((account, equity) -> {
            if (!generator.breaches(account)) {
                assertThat(equity).isGreaterThanOrEqualTo(new BigDecimal("96000"));
            }
        });
    }

    @Test
    void everyAccountsEventsAreInTimeOrderAndCloseOnlyWhatIsOpen() {
        TradingGenerator generator = generator(50, 0.2, 11);
        Map<String, Instant> last = new HashMap<>();
        Map<String, String> open = new HashMap<>();
        Set<String> tradeIds = new HashSet<>();
        int opened = 0;
        int closed = 0;
        for (BridgeEvent event : events(generator, 20_000)) {
            String challenge = "c-" + event.account();
            assertThat(event.json()).startsWith("{\"challengeId\":\"" + challenge + "\",\"type\":\"" + event.type() + "\"");
            Instant previous = last.put(challenge, event.at());
            if (previous != null) {
                assertThat(event.at()).isAfterOrEqualTo(previous);
            }
            switch (event.type()) {
                case "TRADE_OPENED" -> {
                    assertThat(open).doesNotContainKey(challenge);
                    String id = group(ID, event.json());
                    assertThat(tradeIds.add(id)).as("trade ids are unique: " + id).isTrue();
                    open.put(challenge, id);
                    opened++;
                }
                case "TRADE_CLOSED" -> {
                    assertThat(group(ID, event.json())).isEqualTo(open.remove(challenge));
                    assertThat(new BigDecimal(group(PROFIT, event.json())).scale()).isLessThanOrEqualTo(2);
                    closed++;
                }
                default -> {
                    assertThat(event.type()).isEqualTo("EQUITY");
                    assertThat(new BigDecimal(group(EQUITY, event.json()))).isPositive();
                }
            }
        }
        assertThat(opened).isGreaterThan(500);
        assertThat(closed).isGreaterThan(300);
    }

    @Test
    void aBreachShareOfZeroKeepsEveryAccountWithinItsLimitsAndBelowItsTarget() {
        TradingGenerator generator = generator(100, 0, 5);
        for (int round = 0; round < 2_000; round++) {
            for (int account = 0; account < generator.accounts(); account++) {
                generator.next(account);
                assertThat(generator.equity(account)).isBetween(new BigDecimal("96000"), new BigDecimal("104000"));
            }
        }
        assertThat(IntStream.range(0, 100).filter(generator::breaches).count()).isZero();
    }

    @Test
    void aLivePaceStepsEvenlyAndNeverRunsAheadOfTheClock() {
        Instant now = START.plusSeconds(5);
        TradingGenerator generator = new TradingGenerator(List.of("c-0"), INITIAL, 0, START, 1,
                TradingGenerator.Pace.live(Duration.ofMillis(10), Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(1)));
        List<Instant> ats = events(generator, 1_000).stream().map(BridgeEvent::at).toList();

        assertThat(ats.get(0)).isEqualTo(START.plusMillis(10));
        assertThat(ats.get(99)).isEqualTo(START.plusMillis(1_000));
        assertThat(ats.get(999)).isEqualTo(now.plusSeconds(1));
        assertThat(ats).isSorted().allMatch(at -> !at.isAfter(now.plusSeconds(1)));
        assertThatThrownBy(() -> new TradingGenerator.Pace(Duration.ofSeconds(2), Duration.ofSeconds(1), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRollbackReturnsToTheMarkedTradingButNotToItsTimeOrTradeIds() {
        TradingGenerator generator = generator(1, 0, 9);
        BridgeEvent opened = generator.open(0);
        generator.tick(0);
        BigDecimal balance = generator.balance(0);
        BigDecimal equity = generator.equity(0);
        generator.mark(0);
        List<BridgeEvent> refused = events(generator, 200);
        assertThat(refused).extracting(BridgeEvent::type).contains("TRADE_CLOSED", "TRADE_OPENED");
        generator.rollback(0);

        assertThat(generator.balance(0)).isEqualTo(balance);
        assertThat(generator.equity(0)).isEqualTo(equity);
        // The trade opened before the mark is open again: ticks walk its floating profit, a new open is refused.
        assertThatThrownBy(() -> generator.open(0)).isInstanceOf(IllegalStateException.class);
        List<BridgeEvent> after = events(generator, 300);
        assertThat(after.get(0).at()).isAfter(refused.get(199).at());
        BridgeEvent close = after.stream().filter(e -> e.type().equals("TRADE_CLOSED")).findFirst().orElseThrow();
        assertThat(close.tradeId()).isEqualTo(opened.tradeId());
        assertThat(after).filteredOn(e -> e.tradeId() != null && !e.tradeId().equals(opened.tradeId()))
                .extracting(BridgeEvent::tradeId).doesNotContainAnyElementsOf(
                        refused.stream().map(BridgeEvent::tradeId).filter(id -> id != null).toList());
    }

    @Test
    void ticksOnlyWalkTheOpenTradesFloatingProfit() {
        TradingGenerator generator = generator(1, 0, 4);
        BridgeEvent opened = generator.open(0);
        assertThat(opened.type()).isEqualTo("TRADE_OPENED");
        assertThat(opened.event()).startsWith("{\"type\":\"TRADE_OPENED\",\"id\":\"" + opened.tradeId() + "\"");
        Set<BigDecimal> equities = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            BridgeEvent tick = generator.tick(0);
            assertThat(tick.type()).isEqualTo("EQUITY");
            assertThat(tick.event()).doesNotContain("challengeId");
            equities.add(new BigDecimal(group(EQUITY, tick.event())));
        }
        assertThat(generator.balance(0)).isEqualTo(INITIAL);
        assertThat(equities).hasSizeGreaterThan(100);
    }

    @Test
    void refusesABreachShareOutsideZeroToOne() {
        assertThatThrownBy(() -> generator(10, 1.5, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheCommandLineAndRefusesUnknownOptions() {
        SimOptions options = SimOptions.parse("--url", "http://localhost:9090", "--key", "k", "--accounts", "1000",
                "--rate", "5000", "--duration", "60", "--breach-share", "0.25");

        assertThat(options.url()).isEqualTo("http://localhost:9090");
        assertThat(options.key()).contains("k");
        assertThat(options.accounts()).isEqualTo(1000);
        assertThat(options.rate()).isEqualTo(5000);
        assertThat(options.duration().toSeconds()).isEqualTo(60);
        assertThat(options.breachShare()).isEqualTo(0.25);
        assertThat(options.plan()).isEqualTo("two-step-100k");
        assertThatThrownBy(() -> SimOptions.parse("--speed", "9")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimOptions.parse("--batch", "20000")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        List<Long> nanos = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            nanos.add(i * 1_000_000);
        }
        assertThat(SimStats.percentile(nanos, 50)).isEqualTo(50.0);
        assertThat(SimStats.percentile(nanos, 99)).isEqualTo(99.0);
        assertThat(SimStats.percentile(List.of(), 99)).isZero();
    }

    private static TradingGenerator generator(int accounts, double breachShare, long seed) {
        List<String> ids = IntStream.range(0, accounts).mapToObj(i -> "c-" + i).toList();
        return new TradingGenerator(ids, INITIAL, breachShare, START, seed);
    }

    /** Events taking the accounts in turn. */
    private static List<BridgeEvent> events(TradingGenerator generator, int count) {
        List<BridgeEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(generator.next(i % generator.accounts()));
        }
        return events;
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }
}
