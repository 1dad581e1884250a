package ai.tradesense.node.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic trading for many accounts, deterministic for a seed: per account an equity random walk, trades
 * that open and close with their net profit, and a share of accounts that drift into the max loss
 * (more than 10% down). Every account's events are in time order; a close always follows its open.
 * Nothing here does I/O, so the benchmarks can use the same generator.
 */
public final class TradingGenerator {

    /** One platform event as the bridge takes it, already JSON. */
    public record BridgeEvent(int account, String type, Instant at, String json) { }

    private static final String[] SYMBOLS = {"EURUSD", "GBPUSD", "USDJPY", "XAUUSD", "NQ", "ES"};
    /** A calm account never falls more than this share of its initial balance below its best balance. */
    private static final BigDecimal CALM_ROOM = new BigDecimal("0.04");
    /** Below this a breaching account has breached (the usual max loss is 10%) and stops sinking. */
    private static final BigDecimal SUNK = new BigDecimal("0.85");

    private final List<Account> accounts = new ArrayList<>();
    private final Random random;

    /**
     * @param challengeIds the accounts, one challenge each
     * @param initialBalance every account's starting balance
     * @param breachShare the share of accounts (0..1) that trade into a breach
     * @param start the first event's time
     */
    public TradingGenerator(List<String> challengeIds, BigDecimal initialBalance, double breachShare, Instant start,
                            long seed) {
        if (breachShare < 0 || breachShare > 1) {
            throw new IllegalArgumentException("breach share must be between 0 and 1");
        }
        this.random = new Random(seed);
        int breaching = (int) Math.round(challengeIds.size() * breachShare);
        for (int i = 0; i < challengeIds.size(); i++) {
            // Spread the breaching accounts over the list, not all first.
            boolean breaches = breaching > 0 && (i * breaching) / challengeIds.size() != ((i + 1) * breaching) / challengeIds.size();
            accounts.add(new Account(i, challengeIds.get(i), initialBalance, breaches, start));
        }
    }

    public int accounts() {
        return accounts.size();
    }

    public boolean breaches(int account) {
        return accounts.get(account).breaches;
    }

    /** The account's equity as the platform last reported it. */
    public BigDecimal equity(int account) {
        return accounts.get(account).equity();
    }

    public BigDecimal initialBalance(int account) {
        return accounts.get(account).initial;
    }

    /** The next event of one account. */
    public BridgeEvent next(int account) {
        return accounts.get(account).next(random);
    }

    private static final class Account {

        private final int index;
        private final String challengeId;
        private final BigDecimal initial;
        private final boolean breaches;
        private BigDecimal balance;
        private BigDecimal bestBalance;
        private BigDecimal floating = BigDecimal.ZERO;
        private Instant clock;
        private String openTrade;
        private int trades;

        Account(int index, String challengeId, BigDecimal initial, boolean breaches, Instant start) {
            this.index = index;
            this.challengeId = challengeId;
            this.initial = initial;
            this.breaches = breaches;
            this.balance = initial;
            this.bestBalance = initial;
            this.clock = start;
        }

        BigDecimal equity() {
            return balance.add(floating);
        }

        BridgeEvent next(Random random) {
            clock = clock.plus(Duration.ofMillis(200 + random.nextInt(1800)));
            if (openTrade == null) {
                if (random.nextDouble() < 0.3) {
                    return open(random);
                }
                return equityTick();
            }
            if (random.nextDouble() < 0.08) {
                return close(random);
            }
            walk(random);
            return equityTick();
        }

        /**
         * A step of floating P/L: calm accounts wander but stay within 4% of the initial balance below their
         * best balance (so neither a 5% daily nor a 10% max loss is ever crossed); breaching ones drift down
         * until they are below 85%, and never below 80%.
         */
        private void walk(Random random) {
            double scale = initial.doubleValue();
            boolean sinking = breaches && equity().compareTo(initial.multiply(SUNK)) >= 0;
            double step = random.nextGaussian() * scale * 0.0008 + (sinking ? -scale * 0.003 : 0);
            floating = floating.add(BigDecimal.valueOf(step)).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal low = breaches ? initial.multiply(SUNK.subtract(new BigDecimal("0.05")))
                    : bestBalance.subtract(initial.multiply(CALM_ROOM));
            if (equity().compareTo(low) < 0) {
                floating = low.subtract(balance).setScale(2, RoundingMode.HALF_EVEN);
            }
        }

        private BridgeEvent open(Random random) {
            openTrade = "s" + index + "-" + (++trades);
            String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
            BigDecimal price = BigDecimal.valueOf(1 + random.nextInt(20000), 3);
            String json = "{\"challengeId\":\"" + challengeId + "\",\"type\":\"TRADE_OPENED\",\"id\":\"" + openTrade
                    + "\",\"at\":\"" + clock + "\",\"symbol\":\"" + symbol + "\",\"side\":\""
                    + (random.nextBoolean() ? "BUY" : "SELL") + "\",\"volume\":" + (1 + random.nextInt(5))
                    + ",\"price\":" + price.toPlainString() + "}";
            return new BridgeEvent(index, "TRADE_OPENED", clock, json);
        }

        private BridgeEvent close(Random random) {
            BigDecimal profit = floating;
            String json = "{\"challengeId\":\"" + challengeId + "\",\"type\":\"TRADE_CLOSED\",\"id\":\"" + openTrade
                    + "\",\"at\":\"" + clock + "\",\"price\":" + BigDecimal.valueOf(1 + random.nextInt(20000), 3).toPlainString()
                    + ",\"profit\":" + profit.toPlainString() + "}";
            balance = balance.add(profit);
            bestBalance = bestBalance.max(balance);
            floating = BigDecimal.ZERO;
            openTrade = null;
            return new BridgeEvent(index, "TRADE_CLOSED", clock, json);
        }

        private BridgeEvent equityTick() {
            String json = "{\"challengeId\":\"" + challengeId + "\",\"type\":\"EQUITY\",\"at\":\"" + clock
                    + "\",\"equity\":" + equity().toPlainString() + "}";
            return new BridgeEvent(index, "EQUITY", clock, json);
        }
    }
}
