package ai.tradesense.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.tradesense.application.risk.RiskMonitorService;
import ai.tradesense.application.risk.Shard;
import ai.tradesense.application.risk.ShardReport;
import ai.tradesense.domain.rules.Side;
import ai.tradesense.domain.rules.surveillance.Finding;
import ai.tradesense.domain.rules.surveillance.SignIn;
import ai.tradesense.domain.rules.surveillance.Surveillance;
import ai.tradesense.domain.rules.surveillance.SurveillanceSettings;
import ai.tradesense.domain.rules.surveillance.SurveilledTrade;
import ai.tradesense.domain.rules.surveillance.TraderLinks;
import ai.tradesense.infrastructure.redis.SharedPorts;

/**
 * The surveillance job cut into shards (one per detector and day) and drained by two worker nodes at once over the
 * in-process shared store finds exactly what one unsharded run over each day finds, and raises each finding once.
 * Each shard reads only what its detector needs, as the repository does.
 */
class SurveillanceShardsTest {

    private static final SharedPorts STORE = SharedPorts.inProcess();
    private static final Instant NOW = Instant.parse("2026-12-02T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");
    private static final LocalDate YESTERDAY = TODAY.minusDays(1);
    private static final SurveillanceSettings SETTINGS = SurveillanceSettings.DEFAULTS;

    private final List<SurveilledTrade> trades = new ArrayList<>();
    private final List<SignIn> signIns = new ArrayList<>();
    private final TraderLinks links = TraderLinks.of(List.of(new TraderLinks.Link("gus", "hal")));
    /** The challenges whose plan forbids own-account copying: every other plan allows it, the default. */
    private final Set<String> forbidding = Set.of("c-erin-1");
    /** Dedupe key to the findings raised under it, as uq_alert_dedupe keeps one alert per key. */
    private final Map<String, List<Finding>> raised = new ConcurrentHashMap<>();
    private int tradeNo;

    @BeforeEach
    void plant() {
        STORE.workQueue().clear();
        STORE.lease().release(Shard.Kind.SURVEIL);
        for (LocalDate day : List.of(YESTERDAY, TODAY)) {
            Instant t0 = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(9 * 3600);
            // a copy cluster whose five matches lie on two symbols: 3 on XAUUSD, 2 on EURUSD
            for (int i = 0; i < 5; i++) {
                String symbol = i < 3 ? "XAUUSD" : "EURUSD";
                Instant at = t0.plusSeconds(60L * i);
                open("c-alice", "alice", symbol, Side.BUY, at, at.plusSeconds(30), null);
                open("c-bob", "bob", symbol, Side.BUY, at.plusMillis(200), at.plusSeconds(30), null);
                open("c-carol", "carol", symbol, Side.BUY, at.plusMillis(500), at.plusSeconds(30), null);
                // a near miss: one millisecond outside the window of carol, the last of them
                open("c-dave", "dave", symbol, Side.BUY, at.plusMillis(500 + SETTINGS.copyWindowMs() + 1),
                        at.plusSeconds(30), null);
            }
            Instant h = t0.plusSeconds(3_600);
            // own-account copies: erin's, one of whose plans forbids them (a finding), and linked gus and hal's
            // on plans that allow them (none)
            for (int i = 0; i < 5; i++) {
                Instant at = t0.plusSeconds(1_800 + 60L * i);
                open("c-erin-1", "erin", "AUDUSD", Side.BUY, at, at.plusSeconds(30), null);
                open("c-erin-2", "erin", "AUDUSD", Side.BUY, at.plusMillis(100), at.plusSeconds(30), null);
                open("c-gus", "gus", "NZDUSD", Side.BUY, at, at.plusSeconds(30), null);
                open("c-hal", "hal", "NZDUSD", Side.BUY, at.plusMillis(100), at.plusSeconds(30), null);
            }
            // one trader's hedge, linked traders' hedge, unrelated traders' opposite positions
            open("c-erin-1", "erin", "USDJPY", Side.BUY, h, h.plusSeconds(600), null);
            open("c-erin-2", "erin", "USDJPY", Side.SELL, h.plusSeconds(5), h.plusSeconds(600), null);
            open("c-gus", "gus", "GBPUSD", Side.BUY, h, h.plusSeconds(600), null);
            open("c-hal", "hal", "GBPUSD", Side.SELL, h.plusSeconds(1), h.plusSeconds(600), null);
            open("c-ivy", "ivy", "GBPUSD", Side.SELL, h.plusSeconds(2), h.plusSeconds(600), null);
            // an address shared by a sign-in and another trader's trade, and linked traders sharing one
            signIns.add(new SignIn("jon", "203.0.113.7", h));
            open("c-kim", "kim", "US30", Side.BUY, h.plusSeconds(9), null, "203.0.113.7");
            signIns.add(new SignIn("gus", "198.51.100.1", h));
            signIns.add(new SignIn("hal", "198.51.100.1", h.plusSeconds(1)));
        }
        // held over midnight into today, against the other account of its trader
        Instant late = YESTERDAY.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(86_000);
        open("c-lou-1", "lou", "XAGUSD", Side.BUY, late, null, null);
        open("c-lou-2", "lou", "XAGUSD", Side.SELL, late.plusSeconds(3_600), null, null);
    }

    @Test
    void twoWorkersTogetherFindWhatOneUnshardedRunFindsAndRaiseEachFindingOnce() throws Exception {
        Set<Finding> unsharded = new HashSet<>();
        for (LocalDate day : List.of(YESTERDAY, TODAY)) {
            unsharded.addAll(Surveillance.findings(day, from(day), from(day.plusDays(1)), held(day), signIns(day),
                    links, forbidding::contains, SETTINGS));
        }
        assertThat(unsharded).extracting(Finding::kind).contains(Finding.Kind.values());

        Node a = new Node();
        Node b = new Node();
        assertThat(a.cycles.split(Shard.Kind.SURVEIL)).contains(2 * Finding.Kind.values().length);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            Future<ShardReport> first = workers.submit(a.cycles::drain);
            Future<ShardReport> second = workers.submit(b.cycles::drain);
            first.get();
            second.get();
        } finally {
            workers.shutdown();
        }

        List<Finding> everyRaise = raised.values().stream().flatMap(List::stream).toList();
        assertThat(new HashSet<>(everyRaise)).isEqualTo(unsharded);
        assertThat(raised.values()).as("no finding raised twice: by two shards, or by one shard taken twice")
                .allSatisfy(under -> assertThat(under).hasSize(1));
        assertThat(everyRaise).noneMatch(f -> f.accounts().contains("c-dave"));
        assertThat(everyRaise).filteredOn(f -> f.kind() == Finding.Kind.COPY_TRADING)
                .extracting(f -> List.copyOf(f.accounts()))
                .containsExactlyInAnyOrder(List.of("c-alice", "c-bob", "c-carol"),
                        List.of("c-alice", "c-bob", "c-carol"), List.of("c-erin-1", "c-erin-2"),
                        List.of("c-erin-1", "c-erin-2"));
        assertThat(a.processed.size() + b.processed.size()).isEqualTo(2 * Finding.Kind.values().length);
        assertThat(a.cycles.lastCycle(Shard.Kind.SURVEIL)).hasValueSatisfying(last ->
                assertThat(last.alerts()).isEqualTo(unsharded.size()));
    }

    private void open(String challenge, String trader, String symbol, Side side, Instant at, Instant close,
                      String ip) {
        trades.add(new SurveilledTrade(challenge, trader, "t" + (++tradeNo), symbol, side, at, close, ip));
    }

    private static Instant from(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** As {@code tradesHeld}: opened before the day's end, not closed before its start. */
    private List<SurveilledTrade> held(LocalDate day) {
        return trades.stream().filter(t -> t.openedAt().isBefore(from(day.plusDays(1)))
                && (t.closedAt() == null || !t.closedAt().isBefore(from(day)))).toList();
    }

    /** As {@code tradesOpened}. */
    private List<SurveilledTrade> opened(LocalDate day, boolean addressed) {
        return trades.stream().filter(t -> !t.openedAt().isBefore(from(day))
                && t.openedAt().isBefore(from(day.plusDays(1))) && (!addressed || t.clientIp() != null)).toList();
    }

    private List<SignIn> signIns(LocalDate day) {
        return signIns.stream().filter(s -> !s.at().isBefore(from(day)) && s.at().isBefore(from(day.plusDays(1))))
                .toList();
    }

    /** A worker node over the shared in-process store whose surveillance reads the planted data. */
    private final class Node implements RiskMonitorService {
        final List<String> processed = new CopyOnWriteArrayList<>();
        final DefaultWorkCycleService cycles = new DefaultWorkCycleService(STORE.workQueue(), STORE.lease(),
                STORE.cycleRecords(), STORE.workerFlags(), STORE.health(), this, Clock.fixed(NOW, ZoneOffset.UTC),
                new DefaultWorkCycleService.Settings(1000, Duration.ofMinutes(2), Duration.ofMinutes(30),
                        Duration.ZERO));

        @Override
        public List<Shard> plan(Shard.Kind kind, String cycle, Instant now, int shardSize) {
            return DefaultSurveillanceScan.plan(cycle, now, ZoneOffset.UTC);
        }

        @Override
        public ShardReport process(Shard shard) {
            processed.add(shard.name());
            Finding.Kind detector = Finding.Kind.valueOf(shard.fromId());
            LocalDate day = LocalDate.parse(shard.toId());
            List<SurveilledTrade> read = switch (detector) {
                case COPY_TRADING -> opened(day, false);
                case CROSS_HEDGE -> held(day);
                case SHARED_IP -> opened(day, true);
            };
            List<SignIn> seen = detector == Finding.Kind.SHARED_IP ? signIns(day) : List.of();
            List<Finding> found = Surveillance.findings(detector, day, from(day), from(day.plusDays(1)), read, seen,
                    links, forbidding::contains, SETTINGS);
            int alerts = 0;
            for (Finding finding : found) {
                List<Finding> under = raised.computeIfAbsent(DefaultSurveillanceScan.dedupeKey(finding),
                        k -> new CopyOnWriteArrayList<>());
                synchronized (under) {
                    // every attempt is kept: the alert table would refuse the second, the test counts it
                    if (under.isEmpty()) {
                        alerts++;
                    }
                    under.add(finding);
                }
            }
            return new ShardReport(read.size(), found.size(), 0, alerts, 0);
        }

        @Override
        public boolean resetsDue(Instant now) {
            return false;
        }

        @Override
        public ShardReport takeSnapshots(int limit) {
            return ShardReport.NONE;
        }

        @Override
        public Map<String, Long> maintain(Instant now) {
            return Map.of();
        }
    }
}
