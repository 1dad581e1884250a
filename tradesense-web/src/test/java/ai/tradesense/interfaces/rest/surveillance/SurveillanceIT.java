package ai.tradesense.interfaces.rest.surveillance;

import static ai.tradesense.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.WebSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

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
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.Http.Answer;
import ai.tradesense.testsupport.LiveClient;
import ai.tradesense.testsupport.RealServices;
import ai.tradesense.testsupport.TestServices;

/**
 * Surveillance across accounts through every layer on Payara Micro against the real PostgreSQL: addresses stored
 * from trades and sign-ins, a scan raising findings as alerts once, the findings, dismissal and trader links.
 */
@ExtendWith({RealServices.class, ArquillianExtension.class})
@RunAsClient
class SurveillanceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/tradesense-web.war"));
    }

    private static final List<String> SURVEILLANCE_KINDS = List.of("COPY_TRADING", "CROSS_HEDGE", "SHARED_IP");

    @ArquillianResource
    URL base;

    Http api;

    @BeforeEach
    void clients() throws Exception {
        api = Accounts.admin(new Http(base.toURI().resolve("api/v1/")));
    }

    @Test
    void findsCopyingHedgingAndASharedAddressAndRaisesEachOnce() throws Exception {
        Accounts.User alice = Accounts.trader(api);
        Accounts.User bob = Accounts.trader(api);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS);
        String aliceOne = started(alice.id(), start);
        String aliceTwo = started(alice.id(), start);
        String bobs = started(bob.id(), start);
        String address = "198.51.100." + new Random().nextInt(250);
        // bob copies alice's opening 200 ms later, five times; alice's second account sells against her first
        for (int i = 0; i < 5; i++) {
            Instant at = start.plus(10 + i, ChronoUnit.MINUTES);
            opened(aliceOne, "a-" + i, at, "BUY", "XAUUSD", i == 0 ? address : null);
            opened(bobs, "b-" + i, at.plusMillis(200), "BUY", "XAUUSD", i == 0 ? address : null);
        }
        opened(aliceTwo, "h-1", start.plus(20, ChronoUnit.MINUTES), "SELL", "XAUUSD", null);
        assertThat(clientIp(aliceOne, "a-0")).isEqualTo(address);
        assertThat(clientIp(aliceOne, "a-1")).isNull();

        // every account an alert can be raised on is watched by its trader
        List<LiveClient> watchers = List.of(watch(aliceOne, alice), watch(aliceTwo, alice), watch(bobs, bob));
        LiveClient ops = connectTo("ws/ops?access_token=" + token(Accounts.withRoles(api, "RISK")));

        Answer scanned = api.post("surveillance/scans", "");
        assertThat(scanned.status()).as(scanned.body()).isEqualTo(200);
        assertThat(scanned.json().getInt("raised")).isGreaterThanOrEqualTo(3);
        assertThat(api.post("surveillance/scans", "").json().getInt("raised"))
                .as("the same findings are not raised twice").isZero();

        JsonObject pushed = ops.next("ALERT", Duration.ofSeconds(30));
        while (!SURVEILLANCE_KINDS.contains(pushed.getJsonObject("data").getString("kind"))) {
            pushed = ops.next("ALERT", Duration.ofSeconds(30));
        }
        for (LiveClient watcher : watchers) {
            assertThat(watcher.poll()).as("a surveillance alert names other traders: never to a trader's watchers")
                    .isNull();
            watcher.socket().sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
        ops.socket().sendClose(WebSocket.NORMAL_CLOSURE, "done").join();

        List<JsonObject> findings = findings("", aliceOne, bobs, aliceTwo);
        JsonObject copy = only(findings, "COPY_TRADING");
        assertThat(strings(copy.getJsonObject("data").get("accounts"))).containsExactlyInAnyOrder(aliceOne, bobs);
        assertThat(copy.getJsonObject("data").getInt("matches")).isEqualTo(5);
        assertThat(copy.getJsonObject("data").getJsonArray("pairs")).hasSize(5);
        assertThat(copy.getString("challengeId")).isIn(aliceOne, bobs);
        JsonObject hedge = only(findings, "CROSS_HEDGE");
        assertThat(strings(hedge.getJsonObject("data").get("accounts"))).containsExactlyInAnyOrder(aliceOne, aliceTwo);
        JsonObject shared = findings.stream().filter(f -> f.getString("kind").equals("SHARED_IP"))
                .filter(f -> f.getJsonObject("data").getString("address").equals(address)).findFirst().orElseThrow();
        assertThat(strings(shared.getJsonObject("data").get("traders"))).containsExactlyInAnyOrder(alice.id(), bob.id());
        assertThat(count("SELECT COUNT(*) FROM sign_in_address WHERE trader_id = ?", alice.id())).isPositive();

        Answer dismissed = api.post("alerts/" + copy.getString("id") + "/ack", "{\"note\": \"signal group, warned\"}");
        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(200);
        assertThat(findings("status=OPEN&", aliceOne, bobs, aliceTwo)).extracting(f -> f.getString("id"))
                .doesNotContain(copy.getString("id")).contains(hedge.getString("id"));
        assertThat(findings("status=ACKNOWLEDGED&", aliceOne, bobs, aliceTwo)).singleElement()
                .satisfies(f -> assertThat(f.getString("note")).isEqualTo("signal group, warned"));

        assertThat(alice.http().get("surveillance/findings").status()).isEqualTo(403);
        assertProblem(api.get("surveillance/findings?kind=FAILED"), 422, "kind");
    }

    @Test
    void copyingBetweenOneTradersOwnAccountsIsAFindingOnlyWhereThePlanForbidsIt() throws Exception {
        JsonObject preset = api.get("plans/two-step-100k").json().getJsonObject("definition");
        assertThat(preset.containsKey("surveillance")).as("the default, allowing, is not written").isFalse();
        String code = "own-copy-" + new Random().nextInt(1_000_000);
        Answer published = api.post("plans", Json.createObjectBuilder(preset).add("code", code)
                .add("surveillance", Json.createObjectBuilder().add("allowOwnAccountCopying", false)).build()
                .toString());
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(api.get("plans/" + code).json().getJsonObject("definition").getJsonObject("surveillance")
                .getBoolean("allowOwnAccountCopying")).isFalse();
        assertProblem(api.post("plans", Json.createObjectBuilder(preset).add("code", code + "-x")
                .add("surveillance", Json.createObjectBuilder().add("allowOwnAccountCopying", "yes")).build()
                .toString()), 400, "surveillance.allowOwnAccountCopying");

        Accounts.User carol = Accounts.trader(api);
        Accounts.User dave = Accounts.trader(api);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS);
        String carolOne = started(carol.id(), start, code);
        String carolTwo = started(carol.id(), start, code);
        String daveOne = started(dave.id(), start, "two-step-100k");
        String daveTwo = started(dave.id(), start, "two-step-100k");
        for (int i = 0; i < 5; i++) {
            Instant at = start.plus(40 + i, ChronoUnit.MINUTES);
            opened(carolOne, "c-" + i, at, "SELL", "US30", null);
            opened(carolTwo, "d-" + i, at.plusMillis(100), "SELL", "US30", null);
            Instant later = at.plus(20, ChronoUnit.MINUTES);
            opened(daveOne, "e-" + i, later, "SELL", "US30", null);
            opened(daveTwo, "f-" + i, later.plusMillis(100), "SELL", "US30", null);
        }

        Answer scanned = api.post("surveillance/scans", "");
        assertThat(scanned.status()).as(scanned.body()).isEqualTo(200);
        assertThat(strings(only(findings("kind=COPY_TRADING&", carolOne, carolTwo), "COPY_TRADING")
                .getJsonObject("data").get("accounts"))).as("the plan forbids it")
                .containsExactlyInAnyOrder(carolOne, carolTwo);
        assertThat(findings("kind=COPY_TRADING&", daveOne, daveTwo)).as("the default plan allows it").isEmpty();
    }

    @Test
    void linksTradersOnceAndUnlinksThem() throws Exception {
        Accounts.User alice = Accounts.trader(api);
        Accounts.User bob = Accounts.trader(api);

        Answer linked = api.post("surveillance/links", "{\"traderA\": \"" + alice.id() + "\", \"traderB\": \""
                + bob.id() + "\", \"kind\": \"HOUSEHOLD\", \"note\": \"same flat\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        String id = linked.json().getString("id");
        assertThat(linked.json().getString("kind")).isEqualTo("HOUSEHOLD");
        assertThat(linked.json().getString("note")).isEqualTo("same flat");
        Answer again = api.post("surveillance/links", "{\"traderA\": \"" + bob.id() + "\", \"traderB\": \""
                + alice.id() + "\"}");
        assertThat(again.json().getString("id")).as("a pair is linked once, either way round").isEqualTo(id);
        assertThat(api.get("surveillance/links").json().getJsonArray("items")).extracting(
                v -> v.asJsonObject().getString("id")).contains(id);

        assertProblem(api.post("surveillance/links", "{\"traderA\": \"" + alice.id() + "\", \"traderB\": \""
                + bob.id() + "\", \"kind\": \"FRIENDS\"}"), 422, "kind");
        assertProblem(api.post("surveillance/links", "{\"traderA\": \"" + alice.id() + "\", \"traderB\": \""
                + alice.id() + "\"}"), 422, "traderB");
        assertThat(alice.http().post("surveillance/links", "{\"traderA\": \"x\", \"traderB\": \"y\"}").status())
                .isEqualTo(403);

        assertThat(api.delete("surveillance/links/" + id).status()).isEqualTo(204);
        assertThat(api.delete("surveillance/links/" + id).status()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM trader_link WHERE id = ?", id)).isZero();
    }

    private static String token(Accounts.User user) {
        return user.http().header("Authorization").substring("Bearer ".length());
    }

    private LiveClient watch(String challenge, Accounts.User trader) throws Exception {
        LiveClient watcher = connectTo("ws/challenges/" + challenge + "?access_token=" + token(trader));
        assertThat(watcher.next().getString("type")).isEqualTo("STATE");
        return watcher;
    }

    private LiveClient connectTo(String path) throws Exception {
        return LiveClient.connect(URI.create("ws://" + base.getHost() + ":" + base.getPort() + base.getPath() + path));
    }

    private String started(String trader, Instant at) {
        return started(trader, at, "two-step-100k");
    }

    private String started(String trader, Instant at, String plan) {
        Answer created = api.post("challenges", "{\"planCode\": \"" + plan + "\", \"traderId\": \"" + trader
                + "\", \"startAt\": \"" + at + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getString("id");
    }

    private void opened(String challenge, String id, Instant at, String side, String symbol, String ip) {
        Answer answer = api.post("challenges/" + challenge + "/events", "[{\"type\": \"TRADE_OPENED\", \"id\": \""
                + id + "\", \"at\": \"" + at + "\", \"symbol\": \"" + symbol + "\", \"side\": \"" + side
                + "\", \"volume\": 1, \"price\": 2000" + (ip == null ? "" : ", \"clientIp\": \"" + ip + "\"") + "}]");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** The findings naming any of these accounts. */
    private List<JsonObject> findings(String filter, String... accounts) {
        Answer answer = api.get("surveillance/findings?" + filter + "size=100");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> ours = List.of(accounts);
        return answer.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(f -> strings(f.getJsonObject("data").get("accounts")).stream().anyMatch(ours::contains))
                .toList();
    }

    private static JsonObject only(List<JsonObject> findings, String kind) {
        List<JsonObject> of = findings.stream().filter(f -> f.getString("kind").equals(kind)).toList();
        assertThat(of).as(kind).hasSize(1);
        return of.get(0);
    }

    private static List<String> strings(JsonValue array) {
        return array.asJsonArray().stream().map(v -> ((JsonString) v).getString()).toList();
    }

    private static String clientIp(String challenge, String trade) throws Exception {
        try (Connection connection = TestServices.postgres().connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT client_ip FROM trade WHERE challenge_id = ? AND trade_id = ?")) {
            query.setString(1, challenge);
            query.setString(2, trade);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection connection = TestServices.postgres().connect();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
