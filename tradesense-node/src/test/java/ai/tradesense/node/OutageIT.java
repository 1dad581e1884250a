package ai.tradesense.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
