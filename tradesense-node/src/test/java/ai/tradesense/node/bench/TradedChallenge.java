package ai.tradesense.node.bench;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import ai.tradesense.node.sim.TradingGenerator;
import ai.tradesense.node.sim.TradingGenerator.BridgeEvent;

/**
 * One benchmark challenge: its account in the simulator's {@link TradingGenerator} and what the node
 * answered to it. The challenges start {@link #START_AGO} ago and their events stay near the real time
 * (a live pace, at most {@link #AHEAD} past this machine's clock), so the worker (inactivity, daily
 * boundaries) sees live accounts. {@code bench.breachShare} (default 0) of a run's accounts trade into a
 * breach; the others never come near a loss limit or a target, so they stay ACTIVE. Not thread-safe: one
 * client thread owns a challenge (threads owning different accounts of one generator may draw at once).
 */
final class TradedChallenge {

    /** How far before now a benchmark challenge starts. */
    static final Duration START_AGO = Duration.ofMinutes(Long.getLong("bench.startMinutesAgo", 10));
    /** How far an event's {@code at} may run ahead of this machine's clock. */
    static final Duration AHEAD = Duration.ofSeconds(1);
    /** The share of a run's accounts that trade into a breach (0 keeps every challenge ACTIVE). */
    static final double BREACH_SHARE = Double.parseDouble(System.getProperty("bench.breachShare", "0"));
    private static final BigDecimal INITIAL = new BigDecimal("100000");

    private final TradingGenerator generator;
    private final int account;
    private long answeredSeq;
    private long eventsApplied;

    private TradedChallenge(TradingGenerator generator, int account) {
        this.generator = generator;
        this.account = account;
    }

    /** When a benchmark challenge starts: {@link #START_AGO} before now, to the second. */
    static Instant startAt() {
        return Instant.now().minus(START_AGO).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The challenges (all started at {@code startAt} on a 100,000 plan), traded by one generator whose
     * events come {@code step} apart; {@code breachShare} of them breach.
     */
    static List<TradedChallenge> of(List<String> ids, Instant startAt, long seed, Duration step, double breachShare) {
        TradingGenerator generator = new TradingGenerator(ids, INITIAL, breachShare, startAt, seed,
                TradingGenerator.Pace.live(step, Clock.systemUTC(), AHEAD));
        List<TradedChallenge> challenges = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            challenges.add(new TradedChallenge(generator, i));
        }
        return challenges;
    }

    String id() {
        return generator.challengeId(account);
    }

    /** Whether the generator drives this account into a breach (so it may end FAILED). */
    boolean breaches() {
        return generator.breaches(account);
    }

    BridgeEvent next() {
        return generator.next(account);
    }

    BridgeEvent open() {
        return generator.open(account);
    }

    BridgeEvent tick() {
        return generator.tick(account);
    }

    BigDecimal balance() {
        return generator.balance(account);
    }

    BigDecimal equity() {
        return generator.equity(account);
    }

    /** Remembers the trading before a request, see {@link #rollback()}. */
    void mark() {
        generator.mark(account);
    }

    /** Nothing of a refused request was applied: back to the node's state (time keeps rising). */
    void rollback() {
        generator.rollback(account);
    }

    /** The node answered these events: its {@code seq} after them (a compacted tick answers the unchanged seq). */
    void answered(long seq, int events) {
        answeredSeq = Math.max(answeredSeq, seq);
        eventsApplied += events;
    }

    long answeredSeq() {
        return answeredSeq;
    }

    long eventsApplied() {
        return eventsApplied;
    }
}
