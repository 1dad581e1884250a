package ai.tradesense.node.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import ai.tradesense.node.sim.TradingGenerator.BridgeEvent;
import ai.tradesense.testsupport.TestServices;

/**
 * The database's own limit for the node's write shape, measured with plain JDBC against the same
 * PostgreSQL in a scratch schema ({@value #SCHEMA}) that this class creates and drops. Its tables copy
 * the columns, keys and constraints of {@code challenge}, {@code challenge_event}, {@code trade} and
 * {@code audit_entry} (migrations V2 and V4). Each transaction does what the node does for one request
 * on one challenge: lock the challenge row ({@code SELECT ... FOR UPDATE}); per event insert the recorded
 * event (payload, outcomes and the balance, equity and phase after it, as V6 stores them), insert its audit entry
 * (with a real SHA-256 chain), and for a trade event look its key up, then insert or close the trade
 * row; then update the challenge row with the new state; commit ({@code synchronous_commit} as the
 * server has it). Inserts of one transaction go as one JDBC batch: the best the database allows for
 * this shape, not a copy of how the node sends them.
 */
final class DatabaseLimit implements AutoCloseable {

    static final String SCHEMA = "bench_limit";
    private static final String STATE = pad("{\"status\":\"ACTIVE\",\"phaseIndex\":0,\"balance\":\"%s\",\"equity\":\"%s\"", 600);
    private static final BigDecimal BALANCE = new BigDecimal("100250.0000000000");

    private final TestServices.Database db;
    private final AtomicInteger runs = new AtomicInteger();

    private DatabaseLimit(TestServices.Database db) {
        this.db = db;
    }

    static DatabaseLimit create(TestServices.Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
            s.execute("CREATE TABLE " + SCHEMA + ".challenge (id VARCHAR(36) NOT NULL, plan_code VARCHAR(64) NOT NULL,"
                    + " plan_version INTEGER NOT NULL, trader_id VARCHAR(128) NOT NULL, status VARCHAR(20) NOT NULL,"
                    + " phase_index INTEGER NOT NULL, balance NUMERIC(30, 10) NOT NULL, equity NUMERIC(30, 10) NOT NULL,"
                    + " state VARCHAR(1000000) NOT NULL, seq BIGINT NOT NULL, audit_seq BIGINT NOT NULL,"
                    + " audit_hash VARCHAR(64) NOT NULL, started_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " created_at TIMESTAMP WITH TIME ZONE NOT NULL, updated_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " next_day_start TIMESTAMP WITH TIME ZONE, due_at TIMESTAMP WITH TIME ZONE,"
                    + " open_trades INTEGER DEFAULT 0 NOT NULL, daily_loss_used NUMERIC(12, 6), max_loss_used NUMERIC(12, 6),"
                    + " last_feed_at TIMESTAMP WITH TIME ZONE, snapshot_seq BIGINT DEFAULT 0 NOT NULL,"
                    + " CONSTRAINT pk_challenge PRIMARY KEY (id))");
            s.execute("CREATE INDEX ix_challenge_trader ON " + SCHEMA + ".challenge (trader_id, created_at)");
            s.execute("CREATE INDEX ix_challenge_status ON " + SCHEMA + ".challenge (status, created_at)");
            s.execute("CREATE INDEX ix_challenge_plan ON " + SCHEMA + ".challenge (plan_code, created_at)");
            s.execute("CREATE INDEX ix_challenge_next_day ON " + SCHEMA + ".challenge (status, next_day_start)");
            s.execute("CREATE TABLE " + SCHEMA + ".challenge_event (challenge_id VARCHAR(36) NOT NULL, seq BIGINT NOT NULL,"
                    + " type VARCHAR(16) NOT NULL, event_id VARCHAR(128), occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " payload VARCHAR(4000) NOT NULL, outcomes VARCHAR(100000) NOT NULL, answer VARCHAR(1000000),"
                    + " balance NUMERIC(30, 10), equity NUMERIC(30, 10), phase_index INTEGER,"
                    + " received_at TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT pk_challenge_event PRIMARY KEY (challenge_id, seq),"
                    + " CONSTRAINT uq_challenge_event_key UNIQUE (challenge_id, type, event_id),"
                    + " CONSTRAINT fk_challenge_event_challenge FOREIGN KEY (challenge_id) REFERENCES " + SCHEMA + ".challenge (id))");
            s.execute("CREATE TABLE " + SCHEMA + ".trade (challenge_id VARCHAR(36) NOT NULL, trade_id VARCHAR(128) NOT NULL,"
                    + " phase_index INTEGER NOT NULL, symbol VARCHAR(32) NOT NULL, side VARCHAR(4) NOT NULL,"
                    + " volume NUMERIC(30, 10) NOT NULL, open_price NUMERIC(30, 10) NOT NULL,"
                    + " opened_at TIMESTAMP WITH TIME ZONE NOT NULL, close_price NUMERIC(30, 10), profit NUMERIC(30, 10),"
                    + " closed_at TIMESTAMP WITH TIME ZONE, CONSTRAINT pk_trade PRIMARY KEY (challenge_id, trade_id),"
                    + " CONSTRAINT fk_trade_challenge FOREIGN KEY (challenge_id) REFERENCES " + SCHEMA + ".challenge (id))");
            s.execute("CREATE TABLE " + SCHEMA + ".audit_entry (challenge_id VARCHAR(36) NOT NULL, seq BIGINT NOT NULL,"
                    + " kind VARCHAR(32) NOT NULL, occurred_at TIMESTAMP WITH TIME ZONE NOT NULL, actor VARCHAR(128) NOT NULL,"
                    + " content VARCHAR(100000) NOT NULL, previous_hash VARCHAR(64) NOT NULL, hash VARCHAR(64) NOT NULL,"
                    + " CONSTRAINT pk_audit_entry PRIMARY KEY (challenge_id, seq),"
                    + " CONSTRAINT fk_audit_entry_challenge FOREIGN KEY (challenge_id) REFERENCES " + SCHEMA + ".challenge (id))");
        }
        return new DatabaseLimit(db);
    }

    /** What one limit run measured: events committed, transactions, seconds, latency per transaction. */
    record Run(int clients, int size, long events, long transactions, double seconds, long[] sortedNanos, String error) {

        double eventsPerSecond() {
            return events / seconds;
        }

        double percentile(double p) {
            return Percentiles.millis(sortedNanos, p);
        }
    }

    /** {@code clients} threads, each on its own new challenge row, {@code size} events a transaction. */
    Run run(int clients, int size, Duration limit) throws Exception {
        int run = runs.incrementAndGet();
        List<String> ids = new ArrayList<>();
        Instant start = TradedChallenge.startAt();
        try (Connection c = db.connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO " + SCHEMA
                + ".challenge (id, plan_code, plan_version, trader_id, status, phase_index, balance, equity, state, seq,"
                + " audit_seq, audit_hash, started_at, created_at, updated_at) VALUES (?, 'two-step-100k', 1, ?, 'ACTIVE',"
                + " 0, 100000, 100000, ?, 0, 1, ?, ?, ?, ?)")) {
            for (int i = 0; i < clients; i++) {
                String id = String.format("limit-%04d-%04d-%s", run, i, ProcessHandle.current().pid());
                ids.add(id);
                insert.setString(1, id);
                insert.setString(2, "trader-" + id);
                insert.setString(3, String.format(STATE, "100000", "100000"));
                insert.setString(4, "0".repeat(64));
                insert.setObject(5, time(start));
                insert.setObject(6, time(Instant.now()));
                insert.setObject(7, time(Instant.now()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        // The same trading as the benchmark's clients send, from the simulator's generator.
        List<TradedChallenge> tickers = TradedChallenge.of(ids, start, 77L * run, Duration.ofMillis(5), 0);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<String> error = new AtomicReference<>();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long[] events = new long[clients];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            TradedChallenge ticker = tickers.get(i);
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 12];
                int n = 0;
                try (Connection c = db.connect(); Writer writer = new Writer(c)) {
                    c.setAutoCommit(false);
                    go.await();
                    long deadline = System.nanoTime() + limit.toNanos();
                    while (System.nanoTime() < deadline) {
                        long t = System.nanoTime();
                        writer.transaction(ticker, size);
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - t;
                        events[client] += size;
                    }
                } catch (Exception e) {
                    error.compareAndSet(null, e.toString());
                }
                latencies[client] = mine;
                counts[client] = n;
            }, "bench-limit-" + i);
            threads.add(thread);
            thread.start();
        }
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] all = Percentiles.merge(latencies, counts);
        return new Run(clients, size, Arrays.stream(events).sum(), all.length, seconds, all, error.get());
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    /** One connection's prepared statements; one call is one committed transaction. */
    private static final class Writer implements AutoCloseable {

        private final Connection c;
        private final PreparedStatement lock;
        private final PreparedStatement key;
        private final PreparedStatement event;
        private final PreparedStatement audit;
        private final PreparedStatement openTrade;
        private final PreparedStatement findTrade;
        private final PreparedStatement closeTrade;
        private final PreparedStatement update;
        private final MessageDigest sha256;

        Writer(Connection c) throws SQLException, NoSuchAlgorithmException {
            this.c = c;
            lock = c.prepareStatement("SELECT status, balance, equity, state, seq, audit_seq, audit_hash, open_trades FROM "
                    + SCHEMA + ".challenge WHERE id = ? FOR UPDATE");
            key = c.prepareStatement("SELECT seq, outcomes FROM " + SCHEMA
                    + ".challenge_event WHERE challenge_id = ? AND type = ? AND event_id = ?");
            event = c.prepareStatement("INSERT INTO " + SCHEMA + ".challenge_event (challenge_id, seq, type, event_id,"
                    + " occurred_at, payload, outcomes, balance, equity, phase_index, received_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            audit = c.prepareStatement("INSERT INTO " + SCHEMA + ".audit_entry (challenge_id, seq, kind, occurred_at, actor,"
                    + " content, previous_hash, hash) VALUES (?, ?, 'EVENT_APPLIED', ?, 'platform:bench', ?, ?, ?)");
            openTrade = c.prepareStatement("INSERT INTO " + SCHEMA + ".trade (challenge_id, trade_id, phase_index, symbol,"
                    + " side, volume, open_price, opened_at) VALUES (?, ?, 0, 'EURUSD', 'BUY', 1.0, 1.085, ?)");
            findTrade = c.prepareStatement("SELECT phase_index, volume, open_price FROM " + SCHEMA
                    + ".trade WHERE challenge_id = ? AND trade_id = ?");
            closeTrade = c.prepareStatement("UPDATE " + SCHEMA + ".trade SET close_price = 1.0862, profit = ?, closed_at = ?"
                    + " WHERE challenge_id = ? AND trade_id = ?");
            update = c.prepareStatement("UPDATE " + SCHEMA + ".challenge SET status = ?, balance = ?, equity = ?, state = ?,"
                    + " seq = ?, audit_seq = ?, audit_hash = ?, updated_at = ?, open_trades = ?, daily_loss_used = ?,"
                    + " max_loss_used = ?, last_feed_at = ? WHERE id = ?");
            sha256 = MessageDigest.getInstance("SHA-256");
        }

        void transaction(TradedChallenge ticker, int size) throws SQLException {
            String id = ticker.id();
            long seq;
            long auditSeq;
            String hash;
            int openTrades;
            lock.setString(1, id);
            try (ResultSet r = lock.executeQuery()) {
                r.next();
                seq = r.getLong("seq");
                auditSeq = r.getLong("audit_seq");
                hash = r.getString("audit_hash");
                openTrades = r.getInt("open_trades");
                r.getString("state");
            }
            OffsetDateTime now = time(Instant.now());
            Instant lastAt = null;
            for (int i = 0; i < size; i++) {
                BridgeEvent e = ticker.next();
                lastAt = e.at();
                if (e.tradeId() != null) {
                    key.setString(1, id);
                    key.setString(2, e.type());
                    key.setString(3, e.tradeId());
                    try (ResultSet r = key.executeQuery()) {
                        r.next();
                    }
                    if ("TRADE_OPENED".equals(e.type())) {
                        openTrade.setString(1, id);
                        openTrade.setString(2, e.tradeId());
                        openTrade.setObject(3, time(e.at()));
                        openTrade.executeUpdate();
                        openTrades++;
                    } else {
                        findTrade.setString(1, id);
                        findTrade.setString(2, e.tradeId());
                        try (ResultSet r = findTrade.executeQuery()) {
                            r.next();
                        }
                        closeTrade.setBigDecimal(1, e.profit());
                        closeTrade.setObject(2, time(e.at()));
                        closeTrade.setString(3, id);
                        closeTrade.setString(4, e.tradeId());
                        closeTrade.executeUpdate();
                        openTrades--;
                    }
                }
                seq++;
                event.setString(1, id);
                event.setLong(2, seq);
                event.setString(3, e.type());
                event.setString(4, e.tradeId());
                event.setObject(5, time(e.at()));
                event.setString(6, e.event());
                event.setString(7, "[]");
                event.setBigDecimal(8, BALANCE);
                event.setBigDecimal(9, BALANCE);
                event.setInt(10, 0);
                event.setObject(11, now);
                event.addBatch();
                String content = "{\"event\":" + e.event() + ",\"seq\":" + seq + ",\"outcomes\":[]}";
                String next = HexFormat.of().formatHex(sha256.digest((hash + id + auditSeq + content)
                        .getBytes(StandardCharsets.UTF_8)));
                auditSeq++;
                audit.setString(1, id);
                audit.setLong(2, auditSeq);
                audit.setObject(3, time(e.at()));
                audit.setString(4, content);
                audit.setString(5, hash);
                audit.setString(6, next);
                audit.addBatch();
                hash = next;
            }
            event.executeBatch();
            audit.executeBatch();
            String balance = ticker.balance().toPlainString();
            String equity = ticker.equity().toPlainString();
            update.setString(1, "ACTIVE");
            update.setBigDecimal(2, new BigDecimal(balance));
            update.setBigDecimal(3, new BigDecimal(equity));
            update.setString(4, String.format(STATE, balance, equity));
            update.setLong(5, seq);
            update.setLong(6, auditSeq);
            update.setString(7, hash);
            update.setObject(8, now);
            update.setInt(9, openTrades);
            update.setBigDecimal(10, new BigDecimal("0.012345"));
            update.setBigDecimal(11, new BigDecimal("0.023456"));
            update.setObject(12, time(lastAt));
            update.setString(13, id);
            update.executeUpdate();
            c.commit();
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement s : List.of(lock, key, event, audit, openTrade, findTrade, closeTrade, update)) {
                s.close();
            }
        }
    }

    private static OffsetDateTime time(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /** A format with filler up to about {@code width} characters, as wide as the node's stored documents. */
    private static String pad(String format, int width) {
        StringBuilder s = new StringBuilder(format).append(",\"filler\":\"");
        while (s.length() < width - 3) {
            s.append("abcdefghij".charAt(s.length() % 10));
        }
        return s.append("\"}").toString();
    }
}
