package ai.tradesense.domain.rules.surveillance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.tradesense.domain.rules.Side;

/**
 * Time of {@link Surveillance#findings} over one day of 100,000 accounts (50,000 traders) and 1,000,000 trades on 30
 * symbols, with planted copy clusters, hedges and shared addresses: not a test (surefire does not pick it up).
 * Run after {@code mvn test-compile}:
 * {@code java -cp tradesense-ejb/target/classes:tradesense-ejb/target/test-classes
 * ai.tradesense.domain.rules.surveillance.SurveillanceBenchmark [accounts] [trades] [runs]}
 */
public final class SurveillanceBenchmark {

    private static final LocalDate DAY = LocalDate.parse("2026-12-01");
    private static final Instant DAY_START = Instant.parse("2026-12-01T00:00:00Z");
    private static final long DAY_MS = 86_400_000L;

    private SurveillanceBenchmark() {
    }

    public static void main(String[] args) {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Random random = new Random(18);
        List<SurveilledTrade> trades = trades(random, accounts, count);
        List<SignIn> signIns = signIns(random, accounts / 2);
        for (int run = 1; run <= runs; run++) {
            long started = System.nanoTime();
            List<Finding> findings = Surveillance.findings(DAY, DAY_START, DAY_START.plusMillis(DAY_MS), trades, signIns, TraderLinks.NONE, c -> false,
                    SurveillanceSettings.DEFAULTS);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("run %d: %,d accounts, %,d trades, %,d sign-ins: %.2f s, findings %s%n", run,
                    accounts, trades.size(), signIns.size(), seconds, tally(findings));
        }
    }

    private static List<SurveilledTrade> trades(Random random, int accounts, int count) {
        List<SurveilledTrade> trades = new ArrayList<>(count);
        int planted = 0;
        // 100 clusters of 4 accounts copying 10 signals each, 200 ms apart
        for (int cluster = 0; cluster < 100; cluster++) {
            for (int signal = 0; signal < 10; signal++) {
                long at = random.nextLong(DAY_MS - 60_000);
                for (int member = 0; member < 4; member++) {
                    int account = cluster * 4 + member;
                    trades.add(trade(account, "p" + (planted++), "XAUUSD", Side.BUY, at + member * 200L,
                            at + 60_000, null));
                }
            }
        }
        // 100 traders hedging one account against their other one
        for (int hedge = 0; hedge < 100; hedge++) {
            int account = 1_000 + hedge * 2;
            long at = random.nextLong(DAY_MS - 60_000);
            trades.add(trade(account, "h" + hedge + "a", "USDJPY", Side.BUY, at, at + 60_000, null));
            trades.add(trade(account + 1, "h" + hedge + "b", "USDJPY", Side.SELL, at + 1_000, at + 60_000, null));
        }
        for (int i = trades.size(); i < count; i++) {
            int account = random.nextInt(accounts);
            long at = random.nextLong(DAY_MS);
            long held = random.nextInt(4) == 0 ? -1 : random.nextLong(3_600_000);
            String ip = random.nextInt(10) == 0 ? "10." + (account >> 16) + "." + ((account >> 8) & 255) + "."
                    + (account & 255) : null;
            trades.add(trade(account, "r" + i, "SYM" + random.nextInt(30), random.nextBoolean() ? Side.BUY : Side.SELL,
                    at, held < 0 ? -1 : at + held, ip));
        }
        return trades;
    }

    private static SurveilledTrade trade(int account, String id, String symbol, Side side, long atMs, long closeMs,
                                         String ip) {
        return new SurveilledTrade("c" + account, "u" + account / 2, id, symbol, side, DAY_START.plusMillis(atMs),
                closeMs < 0 ? null : DAY_START.plusMillis(closeMs), ip);
    }

    private static List<SignIn> signIns(Random random, int traders) {
        List<SignIn> signIns = new ArrayList<>(traders);
        for (int trader = 0; trader < traders; trader++) {
            // every 1,000th trader shares the address of the next
            int address = trader % 1_000 == 1 ? trader - 1 : trader;
            signIns.add(new SignIn("u" + trader, "192.0." + (address >> 8) + "." + (address & 255),
                    DAY_START.plusMillis(random.nextLong(DAY_MS))));
        }
        return signIns;
    }

    private static String tally(List<Finding> findings) {
        int[] byKind = new int[Finding.Kind.values().length];
        for (Finding finding : findings) {
            byKind[finding.kind().ordinal()]++;
        }
        StringBuilder text = new StringBuilder();
        for (Finding.Kind kind : Finding.Kind.values()) {
            text.append(kind).append('=').append(byKind[kind.ordinal()]).append(' ');
        }
        return text.toString().trim();
    }
}
