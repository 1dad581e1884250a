package ai.tradesense.interfaces.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Accounts.User;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.LiveClient;
import ai.tradesense.testsupport.Poll;
import ai.tradesense.testsupport.RealServices;

/** The challenge channel: who may listen, the first STATE, and pushes only after a commit. */
@ExtendWith({RealServices.class, ArquillianExtension.class})
@RunAsClient
class LiveUpdatesIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/tradesense-web.war"));
    }

    @ArquillianResource
    URL base;

    Http api;

    @BeforeEach
    void client() throws Exception {
        api = new Http(base.toURI().resolve("api/v1/"));
    }

    @Test
    void refusesAMissingTokenAndAnotherTradersChallengeWithAPolicyViolation() throws Exception {
        User owner = Accounts.trader(api);
        User other = Accounts.trader(api);
        String id = owner.http().post("challenges", "{\"planCode\": \"two-step-100k\"}").json().getString("id");

        LiveClient anonymous = connect(id, null);
        LiveClient stranger = connect(id, token(other));
        LiveClient forged = connect(id, "not-a-token");

        for (LiveClient refused : new LiveClient[] {anonymous, stranger, forged}) {
            assertThat(refused.closed().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1008);
            assertThat(refused.received()).isEmpty();
        }
    }

    @Test
    void sendsTheStateFirstAndThenEveryCommittedChangeInOrder() throws Exception {
        User owner = Accounts.trader(api);
        String startAt = Instant.now().minusSeconds(60).toString();
        String id = owner.http().post("challenges", "{\"planCode\": \"two-step-100k\", \"startAt\": \"" + startAt + "\"}")
                .json().getString("id");
        Http platform = Accounts.platform(api);
        double before = gauge("websocket_connections_active");
        LiveClient listener = connect(id, token(owner));

        JsonObject first = listener.next();
        assertThat(first.getString("type")).isEqualTo("STATE");
        assertThat(first.getInt("seq")).isZero();
        assertThat(first.getJsonObject("data").getString("id")).isEqualTo(id);
        Poll.until("the node counts the open session", WAIT, () -> gauge("websocket_connections_active") == before + 1);

        Instant at = Instant.now();
        assertThat(platform.post("challenges/" + id + "/events",
                "{\"type\": \"EQUITY\", \"at\": \"" + at + "\", \"equity\": 100500}").status()).isEqualTo(200);
        JsonObject applied = listener.next();
        assertThat(applied.getString("type")).isEqualTo("EVENT_APPLIED");
        assertThat(applied.getInt("seq")).isEqualTo(1);
        assertThat(applied.getString("challengeId")).isEqualTo(id);
        JsonObject state = listener.next();
        assertThat(state.getString("type")).isEqualTo("STATE");
        assertThat(state.getJsonObject("data").getJsonNumber("equity").bigDecimalValue()).isEqualByComparingTo("100500");

        // A refused batch rolls back: nothing of it is pushed, so the next push is seq 2.
        assertThat(platform.post("challenges/" + id + "/events", "[{\"type\": \"EQUITY\", \"at\": \"" + at.plusSeconds(1)
                + "\", \"equity\": 100600}, {\"type\": \"TRADE_CLOSED\", \"id\": \"ghost\", \"at\": \""
                + at.plusSeconds(2) + "\", \"price\": 1, \"profit\": 1}]").status()).isEqualTo(422);
        assertThat(platform.post("challenges/" + id + "/events",
                "{\"type\": \"EQUITY\", \"at\": \"" + at.plusSeconds(3) + "\", \"equity\": 89000}").status()).isEqualTo(200);
        JsonObject next = listener.next();
        assertThat(next.getString("type")).isEqualTo("EVENT_APPLIED");
        assertThat(next.getInt("seq")).isEqualTo(2);
        assertThat(listener.next().getString("type")).isEqualTo("BREACH");
        JsonObject breach = listener.next();
        assertThat(breach.getString("type")).isIn("BREACH", "FAILED");
        JsonObject failed = breach.getString("type").equals("FAILED") ? breach : listener.next();
        assertThat(failed.getString("type")).isEqualTo("FAILED");
        assertThat(failed.getJsonObject("data").getString("rule")).isEqualTo("DAILY_LOSS");
        // The failure is an alert for risk staff, raised in the same transaction.
        JsonObject alert = listener.next();
        assertThat(alert.getString("type")).isEqualTo("ALERT");
        assertThat(alert.getJsonObject("data").getString("kind")).isEqualTo("FAILED");
        assertThat(alert.getJsonObject("data").getString("severity")).isEqualTo("CRITICAL");
        assertThat(listener.next().getJsonObject("data").getString("status")).isEqualTo("FAILED");

        listener.socket().sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        Poll.until("the session is no longer counted", WAIT, () -> gauge("websocket_connections_active") == before);
    }

    @Test
    void showsStaffEveryChallengesChangesOfStatusOnTheOpsChannel() throws Exception {
        User trader = Accounts.trader(api);
        User risk = Accounts.withRoles(api, "RISK");
        LiveClient refused = connectTo("ws/ops?access_token=" + token(trader));
        assertThat(refused.closed().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1008);
        LiveClient ops = connectTo("ws/ops?access_token=" + token(risk));
        Poll.until("the ops session is open", WAIT, () -> gauge("websocket_connections_active") >= 1);

        String id = trader.http().post("challenges", "{\"planCode\": \"futures-50k\", \"startAt\": \""
                + Instant.now().minusSeconds(60) + "\"}").json().getString("id");
        Http platform = Accounts.platform(api);
        assertThat(platform.post("challenges/" + id + "/events", "[{\"type\": \"EQUITY\", \"at\": \"" + Instant.now()
                + "\", \"equity\": 50200}, {\"type\": \"EQUITY\", \"at\": \"" + Instant.now().plusSeconds(1)
                + "\", \"equity\": 47000}]").status()).isEqualTo(200);

        // Ticks and states are not for the ops board; the breach and the failure are, with the seq.
        JsonObject breach = ops.next();
        assertThat(breach.getString("type")).isEqualTo("BREACH");
        assertThat(breach.getString("challengeId")).isEqualTo(id);
        assertThat(breach.getInt("seq")).isEqualTo(2);
        JsonObject failed = ops.next();
        while (!failed.getString("type").equals("FAILED")) {
            failed = ops.next();
        }
        assertThat(failed.getJsonObject("data").getString("rule")).isEqualTo("MAX_LOSS");
        ops.socket().sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    private double gauge(String name) {
        String metrics = new Http(URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/"))
                .get("metrics").body();
        return metrics.lines().filter(l -> l.startsWith(name + "{")).mapToDouble(l -> Double.parseDouble(
                l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElseThrow();
    }

    private static String token(User user) {
        return user.http().header("Authorization").substring("Bearer ".length());
    }

    private LiveClient connect(String challengeId, String token) throws Exception {
        return connectTo("ws/challenges/" + challengeId + (token == null ? "" : "?access_token=" + token));
    }

    private LiveClient connectTo(String path) throws Exception {
        return LiveClient.connect(URI.create("ws://" + base.getHost() + ":" + base.getPort() + base.getPath() + path));
    }
}
