package ai.tradesense.node.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * One challenge's trading as a platform reports it: equity ticks around a balance that stays near
 * 100,000 (well inside the 5% daily and 10% total loss limits, far from the 10% target), a trade opened
 * every {@code openEvery} events and closed {@code holdFor} events later; while a trade is open its
 * floating profit walks at random. {@code at} starts just after the challenge's start (a few minutes
 * ago) and rises by {@code step} an event, but never past now + {@link #AHEAD}: the events stay near
 * the real time, so the worker (inactivity, daily boundaries) sees a live account, not one from months
 * ago. Not thread-safe: one client thread owns a ticker.
 */
final class Ticker {

    /** How far before now a benchmark challenge starts. */
    static final Duration START_AGO = Duration.ofMinutes(Long.getLong("bench.startMinutesAgo", 10));
    /** How far an event's {@code at} may run ahead of this machine's clock. */
    static final Duration AHEAD = Duration.ofSeconds(1);

    /** One event: what the node stores of it, and its JSON as posted. */
    record Event(String type, String id, Instant at, String json, long profitCents, boolean opens) {
    }

    final String challengeId;
    private final Random random;
    private final int openEvery;
    private final int holdFor;
    private final long stepMillis;
    private long n;
    private long balanceCents = 10_000_000;
    private long floatingCents;
    private String openTrade;
    private long openedAt;
    private Instant last;
    private long answeredSeq;
    private long eventsApplied;
    // The state before the request in flight, to go back to when the node refuses it.
    private long savedN;
    private long savedBalance;
    private long savedFloating;
    private String savedTrade;
    private long savedOpenedAt;

    Ticker(String challengeId, Instant startAt, long seed, int openEvery, int holdFor, long stepMillis) {
        this.challengeId = challengeId;
        this.random = new Random(seed);
        this.openEvery = openEvery;
        this.holdFor = holdFor;
        this.stepMillis = stepMillis;
        this.last = startAt;
    }

    /** When a benchmark challenge starts: {@link #START_AGO} before now, to the second. */
    static Instant startAt() {
        return Instant.now().minus(START_AGO).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Remembers the state before a request, see {@link #rollback()}. */
    void mark() {
        savedN = n;
        savedBalance = balanceCents;
        savedFloating = floatingCents;
        savedTrade = openTrade;
        savedOpenedAt = openedAt;
    }

    /**
     * Nothing of a refused request was applied: back to the node's state. {@code at} keeps rising all
     * the same and the event numbers are not reused (a trade id refused once stays unused).
     */
    void rollback() {
        balanceCents = savedBalance;
        floatingCents = savedFloating;
        openTrade = savedTrade;
        openedAt = savedOpenedAt;
        n = Math.max(n, savedN);
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

    /** An open trade, so the ticks that follow carry floating profit (the equity-only phase). */
    Event open() {
        long k = ++n;
        Instant at = nextAt();
        openTrade = "t-" + k;
        openedAt = Long.MAX_VALUE / 2;
        return opened(at);
    }

    /** The next equity tick only: the floating profit of the open trade (if any) walks. */
    Event tick() {
        ++n;
        return equity(nextAt());
    }

    Event next() {
        long k = ++n;
        Instant at = nextAt();
        if (openTrade == null && openEvery > 0 && k % openEvery == 0) {
            openTrade = "t-" + k;
            openedAt = k;
            return opened(at);
        }
        if (openTrade != null && k - openedAt >= holdFor) {
            long profit = floatingCents + random.nextInt(3_001) - 1_500 - (balanceCents - 10_000_000) / 4;
            balanceCents += profit;
            floatingCents = 0;
            String id = openTrade;
            openTrade = null;
            String json = "{\"type\":\"TRADE_CLOSED\",\"id\":\"" + id + "\",\"at\":\"" + at
                    + "\",\"price\":1.0862,\"profit\":" + money(profit) + '}';
            return new Event("TRADE_CLOSED", id, at, json, profit, false);
        }
        return equity(at);
    }

    private Event opened(Instant at) {
        String json = "{\"type\":\"TRADE_OPENED\",\"id\":\"" + openTrade + "\",\"at\":\"" + at
                + "\",\"symbol\":\"EURUSD\",\"side\":\"" + (random.nextBoolean() ? "BUY" : "SELL")
                + "\",\"volume\":1.0,\"price\":1.085}";
        return new Event("TRADE_OPENED", openTrade, at, json, 0, true);
    }

    private Event equity(Instant at) {
        if (openTrade == null) {
            floatingCents = 0;
        } else {
            floatingCents = Math.max(-150_000, Math.min(150_000, floatingCents + random.nextInt(4_001) - 2_000));
        }
        String json = "{\"type\":\"EQUITY\",\"at\":\"" + at + "\",\"equity\":" + money(balanceCents + floatingCents) + '}';
        return new Event("EQUITY", null, at, json, 0, false);
    }

    private Instant nextAt() {
        Instant cap = Instant.now().plus(AHEAD).truncatedTo(ChronoUnit.MILLIS);
        Instant at = last.plusMillis(stepMillis);
        if (at.isAfter(cap)) {
            at = cap;
        }
        if (at.isBefore(last)) {
            at = last;
        }
        last = at;
        return at;
    }

    long balanceCents() {
        return balanceCents;
    }

    long equityCents() {
        return balanceCents + floatingCents;
    }

    boolean tradeOpen() {
        return openTrade != null;
    }

    static String money(long cents) {
        long abs = Math.abs(cents);
        return (cents < 0 ? "-" : "") + abs / 100 + "." + (abs % 100 < 10 ? "0" : "") + abs % 100;
    }
}
