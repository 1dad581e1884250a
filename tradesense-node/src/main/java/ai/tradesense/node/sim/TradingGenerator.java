package ai.tradesense.node.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic trading for many accounts, deterministic for a seed: per account an equity random walk, trades
 * that open and close with their net profit, and a share of accounts that drift into the max loss
 * (more than 10% down). Every account's events are in time order; a close always follows its open.
 * Each account has its own random source, so threads that own different accounts may draw at once. The
 * simulator and the benchmarks use this one generator; nothing here does I/O.
 */
public final class TradingGenerator {

    /**
     * One platform event of one account: {@link #event()} is its JSON as the per-challenge endpoint and the
     * rule engine take it, {@link #json()} the same with the {@code challengeId} the bridge needs. A trade
     * event carries its {@code tradeId}, a close its {@code profit}.
     */
    public record BridgeEvent(int account, String challengeId, String type, String tradeId, Instant at,
                              BigDecimal profit, String event) {

        /** The event for {@code POST /api/v1/events}: {@link #event()} with the challenge's id first. */
        public String json() {
            return "{\"challengeId\":\"" + challengeId + "\"," + event.substring(1);
        }
    }

    /**
     * How far apart one account's events are ({@code least} to {@code most}), and, with a clock, a cap
     * of the clock's now plus {@code ahead}: an account whose events would run ahead of that gets them at
     * the cap (equal times are in order), so the node's worker sees a live account, not one from the future.
     */
    public record Pace(Duration least, Duration most, Clock clock, Duration ahead) {

        /** Events 200 ms to 2 s apart, as far ahead of the real time as they go. */
        public static final Pace REPLAY = new Pace(Duration.ofMillis(200), Duration.ofMillis(2_000), null, null);

        public Pace {
            if (least.isNegative() || most.compareTo(least) < 0) {
                throw new IllegalArgumentException("the pace needs 0 <= least <= most");
            }
            if ((clock == null) != (ahead == null)) {
                throw new IllegalArgumentException("a live pace needs both a clock and how far ahead it may go");
            }
        }

        /** Events {@code step} apart, never later than the clock's now plus {@code ahead}. */
        public static Pace live(Duration step, Clock clock, Duration ahead) {
            return new Pace(step, step, clock, ahead);
        }
    }

    private static final String[] SYMBOLS = {"EURUSD", "GBPUSD", "USDJPY", "XAUUSD", "NQ", "ES"};
    /**
     * A calm account never falls more than this share of its initial balance below its best balance, and
     * never rises more than this above its initial balance: neither a 5% daily nor a 10% max loss is ever
     * crossed, nor a profit target of 5% or more.
     */
    private static final BigDecimal CALM_ROOM = new BigDecimal("0.04");
    /** Below this a breaching account has breached (the usual max loss is 10%) and stops sinking. */
    private static final BigDecimal SUNK = new BigDecimal("0.85");

    private final List<Account> accounts = new ArrayList<>();
    private final Pace pace;

    /**
     * @param challengeIds the accounts, one challenge each
     * @param initialBalance every account's starting balance
     * @param breachShare the share of accounts (0..1) that trade into a breach
     * @param start the first event's time
     */
    public TradingGenerator(List<String> challengeIds, BigDecimal initialBalance, double breachShare, Instant start,
                            long seed) {
        this(challengeIds, initialBalance, breachShare, start, seed, Pace.REPLAY);
    }

    /** As above, at the given pace. */
    public TradingGenerator(List<String> challengeIds, BigDecimal initialBalance, double breachShare, Instant start,
                            long seed, Pace pace) {
        if (breachShare < 0 || breachShare > 1) {
            throw new IllegalArgumentException("breach share must be between 0 and 1");
        }
        this.pace = pace;
        int breaching = (int) Math.round(challengeIds.size() * breachShare);
        for (int i = 0; i < challengeIds.size(); i++) {
            // Spread the breaching accounts over the list, not all first.
            boolean breaches = breaching > 0 && (i * breaching) / challengeIds.size() != ((i + 1) * breaching) / challengeIds.size();
            accounts.add(new Account(i, challengeIds.get(i), initialBalance, breaches, start,
                    new Random(seed * 1_000_003L + i)));
        }
    }

    public int accounts() {
        return accounts.size();
    }

    public String challengeId(int account) {
        return accounts.get(account).challengeId;
    }

    public boolean breaches(int account) {
        return accounts.get(account).breaches;
    }

    /** The account's closed balance. */
    public BigDecimal balance(int account) {
        return accounts.get(account).balance;
    }

    /** The account's equity as the platform last reported it. */
    public BigDecimal equity(int account) {
        return accounts.get(account).equity();
    }

    public BigDecimal initialBalance(int account) {
        return accounts.get(account).initial;
    }

    /** The next event of one account: a trade opened or closed, or an equity tick. */
    public BridgeEvent next(int account) {
        return accounts.get(account).next(pace);
    }

    /** An open trade now, so the ticks that follow carry floating profit; the account must have none open. */
    public BridgeEvent open(int account) {
        Account a = accounts.get(account);
        if (a.openTrade != null) {
            throw new IllegalStateException("account " + account + " has a trade open");
        }
        a.advance(pace);
        return a.open();
    }

    /** The next equity tick only: the open trade (if any) stays open and its floating profit walks. */
    public BridgeEvent tick(int account) {
        Account a = accounts.get(account);
        a.advance(pace);
        if (a.openTrade != null) {
            a.walk();
        }
        return a.equityTick();
    }

    /** Remembers the account's trading before a request, see {@link #rollback(int)}. */
    public void mark(int account) {
        accounts.get(account).mark();
    }

    /**
     * The node applied nothing of the request: the account's balance, equity and open trade are as at the
     * last {@link #mark(int)}. Its time keeps rising all the same and a refused trade's id is not reused.
     */
    public void rollback(int account) {
        accounts.get(account).rollback();
    }

    private static final class Account {

        private final int index;
        private final String challengeId;
        private final BigDecimal initial;
        private final boolean breaches;
        private final Random random;
        private BigDecimal balance;
        private BigDecimal bestBalance;
        private BigDecimal floating = BigDecimal.ZERO;
        private Instant clock;
        private String openTrade;
        private int trades;
        private BigDecimal savedBalance;
        private BigDecimal savedBest;
        private BigDecimal savedFloating;
        private String savedTrade;

        Account(int index, String challengeId, BigDecimal initial, boolean breaches, Instant start, Random random) {
            this.index = index;
            this.challengeId = challengeId;
            this.initial = initial;
            this.breaches = breaches;
            this.random = random;
            this.balance = initial;
            this.bestBalance = initial;
            this.clock = start;
            mark();
        }

        BigDecimal equity() {
            return balance.add(floating);
        }

        void mark() {
            savedBalance = balance;
            savedBest = bestBalance;
            savedFloating = floating;
            savedTrade = openTrade;
        }

        void rollback() {
            balance = savedBalance;
            bestBalance = savedBest;
            floating = savedFloating;
            openTrade = savedTrade;
        }

        BridgeEvent next(Pace pace) {
            advance(pace);
            if (openTrade == null) {
                if (random.nextDouble() < 0.3) {
                    return open();
                }
                return equityTick();
            }
            if (random.nextDouble() < 0.08) {
                return close();
            }
            walk();
            return equityTick();
        }

        void advance(Pace pace) {
            long least = pace.least().toMillis();
            long spread = pace.most().toMillis() - least;
            Instant at = clock.plusMillis(least + (spread == 0 ? 0 : (long) (random.nextDouble() * (spread + 1))));
            if (pace.clock() != null) {
                Instant cap = pace.clock().instant().plus(pace.ahead()).truncatedTo(ChronoUnit.MILLIS);
                at = at.isAfter(cap) ? cap : at;
            }
            clock = at.isBefore(clock) ? clock : at;
        }

        /**
         * A step of floating P/L: calm accounts wander but stay within 4% of the initial balance below their
         * best balance and above the initial balance; breaching ones drift down until they are below 85%,
         * and never below 80%.
         */
        void walk() {
            double scale = initial.doubleValue();
            boolean sinking = breaches && equity().compareTo(initial.multiply(SUNK)) >= 0;
            double step = random.nextGaussian() * scale * 0.0008 + (sinking ? -scale * 0.003 : 0);
            floating = floating.add(BigDecimal.valueOf(step)).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal room = initial.multiply(CALM_ROOM);
            BigDecimal low = breaches ? initial.multiply(SUNK.subtract(new BigDecimal("0.05")))
                    : bestBalance.subtract(room);
            if (equity().compareTo(low) < 0) {
                floating = low.subtract(balance).setScale(2, RoundingMode.HALF_EVEN);
            }
            BigDecimal high = initial.add(room);
            if (!breaches && equity().compareTo(high) > 0) {
                floating = high.subtract(balance).setScale(2, RoundingMode.HALF_EVEN);
            }
        }

        BridgeEvent open() {
            openTrade = "s" + index + "-" + (++trades);
            String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
            BigDecimal price = BigDecimal.valueOf(1 + random.nextInt(20000), 3);
            String json = "{\"type\":\"TRADE_OPENED\",\"id\":\"" + openTrade + "\",\"at\":\"" + clock
                    + "\",\"symbol\":\"" + symbol + "\",\"side\":\"" + (random.nextBoolean() ? "BUY" : "SELL")
                    + "\",\"volume\":" + (1 + random.nextInt(5)) + ",\"price\":" + price.toPlainString() + "}";
            return new BridgeEvent(index, challengeId, "TRADE_OPENED", openTrade, clock, null, json);
        }

        BridgeEvent close() {
            BigDecimal profit = floating;
            String id = openTrade;
            String json = "{\"type\":\"TRADE_CLOSED\",\"id\":\"" + id + "\",\"at\":\"" + clock + "\",\"price\":"
                    + BigDecimal.valueOf(1 + random.nextInt(20000), 3).toPlainString() + ",\"profit\":"
                    + profit.toPlainString() + "}";
            balance = balance.add(profit);
            bestBalance = bestBalance.max(balance);
            floating = BigDecimal.ZERO;
            openTrade = null;
            return new BridgeEvent(index, challengeId, "TRADE_CLOSED", id, clock, profit, json);
        }

        BridgeEvent equityTick() {
            String json = "{\"type\":\"EQUITY\",\"at\":\"" + clock + "\",\"equity\":" + equity().toPlainString() + "}";
            return new BridgeEvent(index, challengeId, "EQUITY", null, clock, null, json);
        }
    }
}
