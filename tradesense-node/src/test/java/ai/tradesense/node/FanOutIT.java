package ai.tradesense.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.tradesense.node.Launcher.RunningNode;
import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.LiveClient;
import ai.tradesense.testsupport.Poll;
import ai.tradesense.testsupport.TestServices;

/**
 * Two API nodes on loopback sharing PostgreSQL and Redis: a client on node B sees an event posted to
 * node A. With Redis down each node still serves its own clients, and the fan-out resumes by itself.
 */
class FanOutIT {

    private static final Duration BOOT = Duration.ofMinutes(3);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void deliversAnEventPostedToOneNodeToAClientOnTheOtherAndSurvivesARedisOutage() throws Exception {
        TestServices.Database db = TestServices.postgres();
        try (TcpProxy redis = new TcpProxy(TestServices.address(TestServices.redis()))) {
            redis.up();
            String proxiedRedis = TestServices.redis().replaceFirst("//[^/]+", "//127.0.0.1:" + redis.port());
            RunningNode a = Launcher.start(node("fan-out-a", db, proxiedRedis));
            RunningNode b = Launcher.start(node("fan-out-b", db, proxiedRedis));
            try {
                a.awaitReady(BOOT);
                b.awaitReady(BOOT);
                Http apiA = Accounts.admin(new Http(a.baseUri().resolve("api/v1/")));
                Http platformA = Accounts.platform(apiA);
                String id = apiA.post("challenges", "{\"planCode\": \"two-step-100k\", \"traderId\": \"fan-out\","
                        + " \"startAt\": \"" + Instant.now().minusSeconds(60) + "\"}").json().getString("id");
                String token = apiA.header("Authorization").substring("Bearer ".length());
                LiveClient onB = connect(b.baseUri(), id, token);
                LiveClient onA = connect(a.baseUri(), id, token);
                assertThat(onB.next().getString("type")).isEqualTo("STATE");
                assertThat(onA.next().getString("type")).isEqualTo("STATE");

                post(platformA, id, 1);
                JsonObject fromA = onB.next();
                assertThat(fromA.getString("type")).isEqualTo("EVENT_APPLIED");
                assertThat(fromA.getInt("seq")).isEqualTo(1);
                assertThat(onB.next().getString("type")).isEqualTo("STATE");
                assertThat(onA.next().getInt("seq")).isEqualTo(1);
                onA.next();

                // Redis down: node A's own client still gets the push; node B's cannot.
                redis.down();
                post(platformA, id, 2);
                assertThat(onA.next().getInt("seq")).isEqualTo(2);
                onA.next();

                // Redis back: the subscription comes back by itself and B hears new events again.
                redis.up();
                int[] seq = {2};
                Poll.until("node B receives pushes again", WAIT, () -> {
                    seq[0]++;
                    post(platformA, id, seq[0]);
                    JsonObject message = onB.poll();
                    return message != null && message.getInt("seq") >= 3;
                });
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    private static NodeOptions node(String name, TestServices.Database db, String redis) throws Exception {
        // API nodes only: fan-out needs no worker, and a worker scanning every account the suite has made
        // so far competes with the node's start on a busy machine.
        return Nodes.runCommandDefaults(name).apiOnly()
                .withSetting("tradesense.db.url", db.url())
                .withSetting("tradesense.db.user", db.user())
                .withSetting("tradesense.db.password", db.password())
                .withSetting("tradesense.redis.url", redis);
    }

    private static void post(Http platform, String id, int n) {
        assertThat(platform.post("challenges/" + id + "/events", "{\"type\": \"EQUITY\", \"at\": \""
                + Instant.now() + "\", \"equity\": " + (100_000 + n) + "}").status()).isEqualTo(200);
    }
    private static LiveClient connect(URI node, String challengeId, String token) throws Exception {
        return LiveClient.connect(URI.create("ws://127.0.0.1:" + node.getPort() + "/ws/challenges/" + challengeId
                + "?access_token=" + token));
    }
}
