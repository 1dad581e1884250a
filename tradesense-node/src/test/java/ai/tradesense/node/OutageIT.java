package ai.tradesense.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.tradesense.node.Launcher.RunningNode;
import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.Http.Answer;
import ai.tradesense.testsupport.Plans;
import ai.tradesense.testsupport.Poll;
import ai.tradesense.testsupport.TestServices;

/**
 * Production mode through outages: the node reaches PostgreSQL and Redis through proxies the test
 * takes down and brings back. A configured PostgreSQL that is down means not ready and 503 — never
 * H2 — and the node recovers by itself; Redis down leaves it ready and says so.
 */
class OutageIT {

    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @Test
    void survivesDatabaseAndRedisOutagesAndRecoversByItself() throws Exception {
        TestServices.Database db = TestServices.postgres();
        String redis = TestServices.redis();
        try (TcpProxy pg = new TcpProxy(TestServices.address(db.url()));
             TcpProxy redisProxy = new TcpProxy(TestServices.address(redis))) {
            redisProxy.up();
            String proxiedDb = db.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + pg.port() + "/");
            String proxiedRedis = redis.replaceFirst("//[^/]+", "//127.0.0.1:" + redisProxy.port());
            NodeOptions options = Nodes.runCommandDefaults("outage")
                    .withSetting("tradesense.db.url", proxiedDb)
                    .withSetting("tradesense.db.user", db.user())
                    .withSetting("tradesense.db.password", db.password())
                    .withSetting("tradesense.redis.url", proxiedRedis);

            RunningNode node = Launcher.start(options);
            try {
                Http http = new Http(node.baseUri());

                // PostgreSQL is down from the start: the node comes up, but is not ready.
                Poll.until("the node answers", Duration.ofMinutes(3), () -> answers(http, "health/live"));
                Answer notReady = http.get("health/ready");
                assertThat(notReady.status()).isEqualTo(503);
                assertThat(database(notReady.json()).getString("status")).isEqualTo("DOWN");
                assertThat(database(notReady.json()).getJsonObject("data").getString("mode")).isEqualTo("PostgreSQL");
                assertServiceUnavailable(http.get("api/v1/plans"));

                // It comes back: the schema is migrated and the API works, with no restart.
                pg.up();
                Poll.until("ready after PostgreSQL returned", RECOVERY, () -> http.get("health/ready").status() == 200);
                String code = Plans.uniqueCode("outage");
                Http admin = Accounts.admin(new Http(node.baseUri().resolve("api/v1/")));
                assertThat(admin.post("plans", Plans.twoStep(code)).status()).isEqualTo(201);

                // Redis goes away: still ready, health says so, and trading-side calls keep working.
                redisProxy.down();
                Poll.until("health reports Redis unavailable", RECOVERY, () -> {
                    Answer ready = http.get("health/ready");
                    return ready.status() == 200 && redisAvailable(ready.json()).equals("false");
                });
                assertThat(admin.get("plans/" + code).status()).isEqualTo(200);
                assertThat(http.get("metrics").body()).contains("redis_memory_usage_bytes");

                redisProxy.up();
                Poll.until("Redis available again", RECOVERY,
                        () -> redisAvailable(http.get("health/ready").json()).equals("true"));

                // PostgreSQL fails while running: not ready, API answers 503, then it recovers.
                pg.down();
                Poll.until("not ready while PostgreSQL is down", RECOVERY, () -> http.get("health/ready").status() == 503);
                assertServiceUnavailable(admin.get("plans/" + code));
                pg.up();
                Poll.until("ready again", RECOVERY, () -> http.get("health/ready").status() == 200);
                Poll.until("the API serves again", RECOVERY, () -> admin.get("plans/" + code).status() == 200);
                assertThat(admin.get("plans/" + code).json().getString("code")).isEqualTo(code);
            } finally {
                node.stop();
            }
        }
    }

    /**
     * A Redis that hangs (the proxy accepts and reads, and never answers) must not slow event POSTs: the
     * request path waits at most its short timeout, then the breaker keeps it away from Redis; once Redis
     * answers again, readiness, rate limits and the live fan-out use it again by themselves.
     */
    @Test
    void aRedisThatHangsSlowsNoEventPostAndIsUsedAgainWhenItAnswers() throws Exception {
        TestServices.Database db = TestServices.postgres();
        String redis = TestServices.redis();
        try (TcpProxy redisProxy = new TcpProxy(TestServices.address(redis))) {
            redisProxy.up();
            String proxiedRedis = redis.replaceFirst("//[^/]+", "//127.0.0.1:" + redisProxy.port());
            RunningNode node = Launcher.start(Nodes.runCommandDefaults("redis-hangs")
                    .withSetting("tradesense.db.url", db.url())
                    .withSetting("tradesense.db.user", db.user())
                    .withSetting("tradesense.db.password", db.password())
                    .withSetting("tradesense.redis.url", proxiedRedis));
            try (RedisProbe probe = new RedisProbe(TestServices.address(redis),
                    Integer.parseInt(java.net.URI.create(redis).getPath().substring(1)))) {
                node.awaitReady(Duration.ofMinutes(3));
                Http http = new Http(node.baseUri());
                Http admin = Accounts.admin(new Http(node.baseUri().resolve("api/v1/")));
                Http platform = Accounts.platform(admin);
                String id = admin.post("challenges", "{\"planCode\": \"two-step-100k\", \"traderId\": \"redis-hangs\","
                        + " \"startAt\": \"" + Instant.now().minusSeconds(60) + "\"}").json().getString("id");
                int[] seq = {0};
                postEvents(platform, id, seq, 5);
                long before = median(postEvents(platform, id, seq, 20));

                redisProxy.hang();
                List<Long> hanging = postEvents(platform, id, seq, 20);
                long whileHanging = median(hanging);
                long readyMillis = timed(() -> assertThat(redisAvailable(http.get("health/ready").json())).isEqualTo("false"));
                long metricsMillis = timed(() -> assertThat(http.get("metrics").status()).isEqualTo(200));
                LOG.info("event POST median " + before + " ms before, " + whileHanging + " ms while Redis hangs (max "
                        + hanging.stream().mapToLong(Long::longValue).max().orElseThrow() + " ms, all " + hanging
                        + "); readiness " + readyMillis + " ms, metrics " + metricsMillis + " ms while it hangs");
                assertThat(whileHanging).as("median event POST while Redis hangs, vs %d ms before", before)
                        .isLessThan(Math.max(5 * before, 300));
                assertThat(readyMillis).as("readiness while Redis hangs").isLessThan(2_000);
                assertThat(metricsMillis).as("a metrics scrape while Redis hangs").isLessThan(2_000);

                redisProxy.up();
                Poll.until("readiness shows Redis available again", RECOVERY,
                        () -> redisAvailable(http.get("health/ready").json()).equals("true"));
                // rate limits count in Redis again: the platform key's bucket grows there
                Poll.until("rate-limit hits reach Redis again", RECOVERY, () -> {
                    long counted = rateLimitCount(probe);
                    postEvents(platform, id, seq, 1);
                    return rateLimitCount(probe) > counted;
                });
                // and changes are published to the other nodes again
                probe.call("SUBSCRIBE", "tradesense:live");
                Poll.until("live changes are published to Redis again", RECOVERY, () -> {
                    postEvents(platform, id, seq, 1);
                    Object message = nextMessage(probe);
                    return message instanceof List<?> parts && parts.toString().contains(id);
                });
            } finally {
                node.stop();
            }
        }
    }

    private static final Logger LOG = Logger.getLogger(OutageIT.class.getName());

    /** Posts {@code count} equity events in a row; answers each one's latency in ms, every one accepted. */
    private static List<Long> postEvents(Http platform, String id, int[] seq, int count) {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seq[0]++;
            String body = "{\"type\": \"EQUITY\", \"at\": \"" + Instant.now() + "\", \"equity\": " + (100_000 + seq[0] % 500) + "}";
            long start = System.nanoTime();
            Answer answer = platform.post("challenges/" + id + "/events", body);
            latencies.add((System.nanoTime() - start) / 1_000_000);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        return latencies;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static long timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The sum of every API caller's rate-limit count in Redis. */
    private static long rateLimitCount(RedisProbe probe) {
        try {
            long sum = 0;
            for (Object key : (List<?>) probe.call("KEYS", "tradesense:rl:api:caller:*")) {
                Object value = probe.call("GET", (String) key);
                sum += value == null ? 0 : Long.parseLong((String) value);
            }
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object nextMessage(RedisProbe probe) {
        try {
            return probe.next(Duration.ofSeconds(2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertServiceUnavailable(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getString("type")).isEqualTo("urn:tradesense:problem:database-unavailable");
        assertThat(answer.json().getString("detail")).doesNotContain("Exception", "jdbc:");
    }

    private static boolean answers(Http http, String path) {
        try {
            return http.get(path).status() == 200;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    private static JsonObject database(JsonObject health) {
        return check(health, "database");
    }

    private static String redisAvailable(JsonObject health) {
        return check(health, "redis").getJsonObject("data").getString("available");
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }
}
