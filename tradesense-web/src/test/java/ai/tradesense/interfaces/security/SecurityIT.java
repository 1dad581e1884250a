package ai.tradesense.interfaces.security;

import static ai.tradesense.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.io.File;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.json.Json;
import jakarta.json.JsonArray;
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

import ai.tradesense.infrastructure.security.Jwt;
import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Accounts.User;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.Http.Answer;
import ai.tradesense.testsupport.Plans;
import ai.tradesense.testsupport.RealServices;
import ai.tradesense.testsupport.TestServices;

/**
 * Identity and access as an attacker would try them: sign-up and sign-in, tokens that are missing,
 * expired, tampered or unsigned, every endpoint against every role and against another trader's data,
 * injection in text fields, oversized bodies, bursts of sign-ins, manual actions and HTTP hardening.
 */
@ExtendWith({RealServices.class, ArquillianExtension.class})
@RunAsClient
class SecurityIT {

    private static final String EVENT = "{\"type\": \"EQUITY\", \"at\": \"%s\", \"equity\": 100100}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/tradesense-web.war"));
    }

    @ArquillianResource
    URL base;

    Http anonymous;

    @BeforeEach
    void client() throws Exception {
        anonymous = new Http(base.toURI().resolve("api/v1/"));
    }

    @Test
    void registersSignsInRefreshesAndSignsOut() {
        String email = "Trader-" + UUID.randomUUID() + "@TradeSense.test";
        Answer registered = anonymous.post("auth/register", "{\"email\": \"" + email + "\", \"password\": \""
                + Accounts.PASSWORD + "\", \"displayName\": \"Ann Trader\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().getString("email")).isEqualTo(email.toLowerCase());
        assertThat(registered.json().getJsonArray("roles").getString(0)).isEqualTo("TRADER");
        assertThat(registered.body()).doesNotContain("password", "PBKDF2");
        assertProblem(anonymous.post("auth/register", "{\"email\": \"" + email.toLowerCase() + "\", \"password\": \""
                + Accounts.PASSWORD + "\", \"displayName\": \"Again\"}"), 409, null);
        assertProblem(anonymous.post("auth/register", "{\"email\": \"x" + email + "\", \"password\": \"short\","
                + " \"displayName\": \"A\"}"), 422, "password");
        assertProblem(anonymous.post("auth/register", "{\"email\": \"not-an-email\", \"password\": \""
                + Accounts.PASSWORD + "\", \"displayName\": \"A\"}"), 422, "email");

        JsonObject tokens = Accounts.login(anonymous, email, Accounts.PASSWORD);
        assertThat(tokens.getJsonNumber("expiresIn").longValue()).isEqualTo(900);
        Http signedIn = anonymous.bearer(tokens.getString("accessToken"));
        assertThat(signedIn.get("auth/me").json().getString("id")).isEqualTo(registered.json().getString("id"));

        Answer refreshed = anonymous.post("auth/refresh", "{\"refreshToken\": \"" + tokens.getString("refreshToken") + "\"}");
        assertThat(refreshed.status()).isEqualTo(200);
        // A refresh token is spent once used.
        assertProblem(anonymous.post("auth/refresh", "{\"refreshToken\": \"" + tokens.getString("refreshToken") + "\"}"),
                401, null);
        String second = refreshed.json().getString("refreshToken");
        assertThat(anonymous.post("auth/logout", "{\"refreshToken\": \"" + second + "\"}").status()).isEqualTo(204);
        assertProblem(anonymous.post("auth/refresh", "{\"refreshToken\": \"" + second + "\"}"), 401, null);
        assertProblem(anonymous.get("auth/me"), 401, null);
    }

    @Test
    void hashesPasswordsWithSha512AndUpgradesAnOlderHashAtTheNextSignIn() throws Exception {
        User trader = Accounts.trader(anonymous);
        assertThat(storedHash(trader.id())).startsWith("PBKDF2WithHmacSHA512:210000:");

        // A hash as the first build stored it: PBKDF2-HMAC-SHA256, 210,000 iterations.
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
                new PBEKeySpec(Accounts.PASSWORD.toCharArray(), salt, 210_000, 256)).getEncoded();
        String older = "PBKDF2WithHmacSHA256:210000:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
        try (var db = TestServices.postgres().connect();
             var update = db.prepareStatement("UPDATE app_user SET password_hash = ? WHERE id = ?")) {
            update.setString(1, older);
            update.setString(2, trader.id());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        assertThat(Accounts.login(anonymous, trader.email(), Accounts.PASSWORD).getString("accessToken")).isNotBlank();
        String upgraded = storedHash(trader.id());
        assertThat(upgraded).startsWith("PBKDF2WithHmacSHA512:210000:").isNotEqualTo(older);
        assertThat(Accounts.login(anonymous, trader.email(), Accounts.PASSWORD).getString("accessToken")).isNotBlank();
        assertThat(storedHash(trader.id())).as("a current hash is kept as it is").isEqualTo(upgraded);
        assertProblem(anonymous.post("auth/login", "{\"email\": \"" + trader.email()
                + "\", \"password\": \"not-the-password-1\"}"), 401, null);
    }

    private static String storedHash(String userId) throws Exception {
        try (var db = TestServices.postgres().connect();
             var query = db.prepareStatement("SELECT password_hash FROM app_user WHERE id = ?")) {
            query.setString(1, userId);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).as("user " + userId).isTrue();
                return rows.getString(1);
            }
        }
    }

    @Test
    void answersAWrongPasswordAndAnUnknownEmailAlike() {
        User trader = Accounts.trader(anonymous);
        String wrongPassword = "{\"email\": \"" + trader.email() + "\", \"password\": \"not-the-password-1\"}";
        String unknownEmail = "{\"email\": \"nobody-" + UUID.randomUUID() + "@tradesense.test\", \"password\": \"not-the-password-1\"}";
        Answer wrong = anonymous.post("auth/login", wrongPassword);
        Answer unknown = anonymous.post("auth/login", unknownEmail);
        assertProblem(wrong, 401, null);
        assertProblem(unknown, 401, null);
        assertThat(wrong.json().getString("detail")).isEqualTo(unknown.json().getString("detail"));

        // Both pay for a full password hash: the times are of one order, whichever comes first.
        long wrongNanos = 0;
        long unknownNanos = 0;
        for (int i = 0; i < 4; i++) {
            long t = System.nanoTime();
            anonymous.post("auth/login", wrongPassword);
            wrongNanos += System.nanoTime() - t;
            t = System.nanoTime();
            anonymous.post("auth/login", unknownEmail);
            unknownNanos += System.nanoTime() - t;
        }
        assertThat((double) unknownNanos / wrongNanos).isBetween(0.33, 3.0);
    }

    @Test
    void refusesMissingExpiredTamperedAndUnsignedTokens() {
        User trader = Accounts.trader(anonymous);
        String token = trader.http().header("Authorization").substring("Bearer ".length());
        String[] parts = token.split("\\.");
        byte[] key = Base64.getDecoder().decode(Accounts.JWT_SECRET);
        long now = Instant.now().getEpochSecond();

        Map<String, String> attempts = new LinkedHashMap<>();
        attempts.put("garbage", "not-a-token");
        attempts.put("tampered payload", parts[0] + "." + encode("{\"iss\":\"tradesense\",\"sub\":\"someone-else\","
                + "\"groups\":[\"ADMIN\"],\"exp\":" + (now + 600) + "}") + "." + parts[2]);
        attempts.put("alg none", encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        attempts.put("other algorithm", encode("{\"alg\":\"HS512\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2]);
        attempts.put("expired", Jwt.sign(claims(trader.id(), now - 3600, now - 60), key));
        attempts.put("foreign key", Jwt.sign(claims(trader.id(), now, now + 600),
                "another-key-that-is-long-enough-to-sign-with-hs256".getBytes(StandardCharsets.UTF_8)));
        attempts.put("truncated signature", token.substring(0, token.length() - 4));
        for (Map.Entry<String, String> attempt : attempts.entrySet()) {
            Answer answer = anonymous.bearer(attempt.getValue()).get("auth/me");
            assertThat(answer.status()).as(attempt.getKey()).isEqualTo(401);
            assertThat(answer.json().getString("detail")).as(attempt.getKey()).contains("not valid");
        }
        assertProblem(anonymous.get("plans"), 401, null);
        assertThat(anonymous.get("plans").header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        // A well-signed token of the right shape is accepted: the refusals above are about the token.
        assertThat(anonymous.bearer(Jwt.sign(claims(trader.id(), now, now + 600), key)).get("auth/me").status())
                .isEqualTo(200);
    }

    @Test
    void enforcesEveryRoleOnEveryEndpointAndHidesOtherTradersChallenges() {
        String otherPlan = Plans.uniqueCode("scope");
        assertThat(Accounts.admin(anonymous).post("plans", Plans.twoStep(otherPlan)).status()).isEqualTo(201);
        User traderA = Accounts.trader(anonymous);
        User traderB = Accounts.trader(anonymous);
        User risk = Accounts.withRoles(anonymous, "RISK");
        Http admin = Accounts.admin(anonymous);
        Http platform = Accounts.platform(anonymous);
        Http scoped = Accounts.platform(anonymous, otherPlan);
        String now = Instant.now().toString();

        Answer started = traderA.http().post("challenges", "{\"planCode\": \"two-step-100k\", \"startAt\": \"" + now + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().getString("traderId")).isEqualTo(traderA.id());
        String c = "challenges/" + started.json().getString("id");

        Map<String, Http> who = new LinkedHashMap<>();
        who.put("anonymous", anonymous);
        who.put("owner", traderA.http());
        who.put("other trader", traderB.http());
        who.put("risk", risk.http());
        who.put("admin", admin);
        who.put("platform", platform);
        who.put("platform of another plan", scoped);

        List<String> failures = new ArrayList<>();
        expect(failures, who, "GET plans", h -> h.get("plans"), 401, 200, 200, 200, 200, 200, 200);
        expect(failures, who, "GET " + c, h -> h.get(c), 401, 200, 404, 200, 200, 200, 404);
        expect(failures, who, "GET " + c + "/events", h -> h.get(c + "/events"), 401, 200, 404, 200, 200, 200, 404);
        expect(failures, who, "GET " + c + "/audit", h -> h.get(c + "/audit"), 401, 200, 404, 200, 200, 200, 404);
        expect(failures, who, "GET " + c + "/audit/verify", h -> h.get(c + "/audit/verify"), 401, 200, 404, 200, 200, 200, 404);
        expect(failures, who, "GET " + c + "/stats", h -> h.get(c + "/stats"), 401, 200, 404, 200, 200, 200, 404);
        expect(failures, who, "GET challenges", h -> h.get("challenges"), 401, 200, 200, 200, 200, 403, 403);
        expect(failures, who, "GET alerts", h -> h.get("alerts"), 401, 403, 403, 200, 200, 403, 403);
        expect(failures, who, "POST alerts/{id}/ack", h -> h.post("alerts/" + UUID.randomUUID() + "/ack",
                "{\"note\": \"matrix check\"}"), 401, 403, 403, 404, 404, 403, 403);
        expect(failures, who, "GET challenges/unknown", h -> h.get("challenges/" + UUID.randomUUID()), 401, 404, 404, 404, 404, 404, 404);
        expect(failures, who, "POST events", h -> h.post(c + "/events", EVENT.formatted(Instant.now())),
                401, 403, 403, 403, 200, 200, 404);
        expect(failures, who, "POST plans", h -> h.post("plans", Plans.twoStep(Plans.uniqueCode("m"))),
                401, 403, 403, 403, 201, 403, 403);
        String revisable = Plans.uniqueCode("revise");
        assertThat(admin.post("plans", Plans.twoStep(revisable)).status()).isEqualTo(201);
        expect(failures, who, "PUT plans/{code}", h -> h.put("plans/" + revisable, Plans.futures(revisable, "50000")),
                401, 403, 403, 403, 200, 403, 403);
        expect(failures, who, "PUT admin/users/{id}/roles", h -> h.put("admin/users/" + traderB.id() + "/roles",
                "{\"roles\": [\"TRADER\"]}"), 401, 403, 403, 403, 200, 403, 403);
        expect(failures, who, "POST admin/api-keys", h -> h.post("admin/api-keys", "{\"name\": \"matrix\"}"),
                401, 403, 403, 403, 201, 403, 403);
        String doomed = admin.post("admin/api-keys", "{\"name\": \"to delete\"}").json().getString("id");
        expect(failures, who, "DELETE admin/api-keys/{id}", h -> h.delete("admin/api-keys/" + doomed),
                401, 403, 403, 403, 204, 403, 403);
        expect(failures, who, "POST simulations", h -> h.post("simulations", "{\"planCode\": \"two-step-100k\", \"events\": []}"),
                401, 200, 200, 200, 200, 200, 200);
        expect(failures, who, "GET admin/users", h -> h.get("admin/users"), 401, 403, 403, 403, 200, 403, 403);
        expect(failures, who, "GET admin/api-keys", h -> h.get("admin/api-keys"), 401, 403, 403, 403, 200, 403, 403);
        expect(failures, who, "GET auth/me", h -> h.get("auth/me"), 401, 200, 200, 200, 200, 200, 200);
        String hook = "{\"url\": \"http://127.0.0.1:9/matrix\", \"eventTypes\": [\"challenge.failed\"]}";
        expect(failures, who, "POST admin/webhooks", h -> h.post("admin/webhooks", hook), 401, 403, 403, 403, 201, 403, 403);
        expect(failures, who, "GET admin/webhooks", h -> h.get("admin/webhooks"), 401, 403, 403, 403, 200, 403, 403);
        expect(failures, who, "GET admin/webhooks/deliveries", h -> h.get("admin/webhooks/deliveries"),
                401, 403, 403, 403, 200, 403, 403);
        expect(failures, who, "POST admin/webhooks/deliveries/{id}/replay", h -> h.post("admin/webhooks/deliveries/"
                + UUID.randomUUID() + "/replay", ""), 401, 403, 403, 403, 404, 403, 403);
        expect(failures, who, "GET platform/commands", h -> h.get("platform/commands"), 401, 403, 403, 200, 200, 200, 200);
        expect(failures, who, "POST platform/commands/{seq}/ack", h -> h.post("platform/commands/999999999/ack", ""),
                401, 403, 403, 403, 403, 404, 404);
        expect(failures, who, "POST actions PAUSE", h -> h.post(c + "/actions",
                "{\"action\": \"PAUSE\", \"reason\": \"matrix check\"}"), 401, 403, 403, 200, 422, 403, 403);
        expect(failures, who, "POST actions FAIL", h -> h.post(c + "/actions",
                "{\"action\": \"FAIL\", \"reason\": \"matrix check\"}"), 401, 403, 403, 403, 200, 403, 403);
        assertThat(failures).isEmpty();

        // A trader's list holds only their own; a trader starts challenges only for themself.
        assertThat(traderB.http().get("challenges").json().getJsonArray("items")).isEmpty();
        assertThat(traderA.http().get("challenges").json().getJsonArray("items").getValuesAs(JsonObject.class))
                .allSatisfy(ch -> assertThat(ch.getString("traderId")).isEqualTo(traderA.id()));
        assertProblem(traderA.http().post("challenges", "{\"planCode\": \"two-step-100k\", \"traderId\": \""
                + traderB.id() + "\"}"), 403, null);
    }

    @Test
    void webhookSubscriptionsDeliveriesAndPlatformCommandsThroughTheApi() {
        Http admin = Accounts.admin(anonymous);
        Http platform = Accounts.platform(anonymous);
        assertProblem(admin.post("admin/webhooks", "{\"url\": \"ftp://crm.test/hook\", \"eventTypes\": [\"challenge.failed\"]}"),
                422, "url");
        assertProblem(admin.post("admin/webhooks", "{\"url\": \"/relative/hook\", \"eventTypes\": [\"challenge.failed\"]}"),
                422, "url");
        assertProblem(admin.post("admin/webhooks", "{\"eventTypes\": [\"challenge.failed\"]}"), 422, "url");
        assertProblem(admin.post("admin/webhooks", "{\"url\": \"https://crm.test/hook\", \"eventTypes\": [\"challenge.failed\", \"challenge.exploded\"]}"),
                422, "eventTypes[1]");
        assertProblem(admin.post("admin/webhooks", "{\"url\": \"https://crm.test/hook\", \"eventTypes\": [\"challenge.failed\"], \"secret\": \"short\"}"),
                422, "secret");
        int before = admin.get("admin/webhooks").json().getJsonArray("items").size();

        Answer created = admin.post("admin/webhooks", "{\"url\": \"http://127.0.0.1:9/hooks\", \"description\": \"crm\","
                + " \"eventTypes\": [\"challenge.failed\", \"platform.command\", \"alert.raised\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("id");
        String secret = created.json().getJsonObject("secret").getString("secret");
        String firstKey = created.json().getJsonObject("secret").getString("keyId");
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(30);
        assertThat(admin.get("admin/webhooks").json().getJsonArray("items")).hasSize(before + 1);
        assertThat(admin.get("admin/webhooks").body()).doesNotContain(secret);

        Answer rotated = admin.post("admin/webhooks/" + id + "/secrets", "{\"secret\": \"a-secret-the-firm-chose-itself-42\"}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        assertThat(rotated.json().getString("keyId")).isNotEqualTo(firstKey);
        JsonObject subscription = admin.get("admin/webhooks/" + id).json();
        assertThat(subscription.getJsonArray("keys").getValuesAs(JsonObject.class))
                .extracting(k -> k.getString("keyId"), k -> k.containsKey("retiredAt"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(rotated.json().getString("keyId"), false),
                        org.assertj.core.groups.Tuple.tuple(firstKey, true));
        assertProblem(admin.put("admin/webhooks/" + id, "{\"url\": \"mailto:x@crm.test\", \"eventTypes\": [\"challenge.failed\"]}"),
                422, "url");
        assertThat(admin.get("admin/webhooks/" + id).json().getString("url")).isEqualTo("http://127.0.0.1:9/hooks");

        // A staff failure: the webhook, the alert and the command are in the outbox with the change.
        Answer started = admin.post("challenges", "{\"planCode\": \"two-step-100k\", \"traderId\": \"hooked\"}");
        String challenge = started.json().getString("id");
        long lastSeq = platform.get("platform/commands?after=0&limit=1000").json().getJsonNumber("last").longValue();
        Instant beforeFail = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(admin.post("challenges/" + challenge + "/actions", "{\"action\": \"FAIL\", \"reason\": \"terms\"}")
                .status()).isEqualTo(200);
        Instant afterFail = Instant.now().plusMillis(1);
        List<JsonObject> deliveries = admin.get("admin/webhooks/deliveries?status=PENDING&size=100&subscription=" + id)
                .json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(d -> challenge.equals(d.getString("subject", null))).toList();
        assertThat(deliveries).extracting(d -> d.getString("eventType"))
                .containsExactlyInAnyOrder("challenge.failed", "alert.raised", "platform.command");
        JsonObject replayed = admin.post("admin/webhooks/deliveries/" + deliveries.get(0).getString("id") + "/replay", "")
                .json();
        assertThat(replayed.getString("status")).isEqualTo("PENDING");
        assertThat(replayed.getString("eventId")).isEqualTo(deliveries.get(0).getString("eventId"));
        assertProblem(admin.get("admin/webhooks/deliveries?status=LOST"), 422, "status");

        // The lists a warehouse or CRM polls filter by time: from inclusive, to exclusive, bad instants refused.
        String during = "from=" + beforeFail + "&to=" + afterFail;
        assertThat(admin.get("admin/webhooks/deliveries?size=100&subscription=" + id + "&" + during).json()
                .getJsonArray("items").getValuesAs(JsonObject.class)).filteredOn(d -> challenge.equals(d.getString("subject", null)))
                .hasSize(3);
        assertThat(admin.get("admin/webhooks/deliveries?size=100&subscription=" + id + "&to=" + beforeFail).json()
                .getJsonArray("items").getValuesAs(JsonObject.class)).noneMatch(d -> challenge.equals(d.getString("subject", null)));
        assertThat(admin.get("admin/webhooks/deliveries?subscription=" + id + "&from=" + afterFail).json()
                .getJsonNumber("total").longValue()).isZero();
        assertProblem(admin.get("admin/webhooks/deliveries?from=yesterday"), 422, "from");
        assertProblem(admin.get("admin/webhooks/deliveries?from=" + afterFail + "&to=" + beforeFail), 422, "to");
        assertThat(admin.get("alerts?challengeId=" + challenge + "&" + during).json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).extracting(a -> a.getString("kind")).contains("FAILED");
        assertThat(admin.get("alerts?challengeId=" + challenge + "&to=" + beforeFail).json().getJsonNumber("total")
                .longValue()).isZero();
        assertProblem(admin.get("alerts?to=2026-13-01T00:00:00Z"), 422, "to");
        assertThat(platform.get("platform/commands?after=" + lastSeq + "&" + during).json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).anyMatch(c -> challenge.equals(c.getString("challengeId")));
        assertThat(platform.get("platform/commands?after=" + lastSeq + "&to=" + beforeFail).json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).noneMatch(c -> challenge.equals(c.getString("challengeId")));
        assertProblem(platform.get("platform/commands?from=" + afterFail + "&to=" + beforeFail), 422, "to");

        JsonArray commands = platform.get("platform/commands?after=" + lastSeq).json().getJsonArray("items");
        JsonObject command = commands.getValuesAs(JsonObject.class).stream()
                .filter(c -> challenge.equals(c.getString("challengeId"))).findFirst().orElseThrow();
        assertThat(command.getString("command")).isEqualTo("CLOSE_ALL_AND_DISABLE");
        assertThat(command.getString("reason")).isEqualTo("MANUAL");
        assertThat(command.containsKey("until")).isFalse();
        long seq = command.getJsonNumber("seq").longValue();
        Answer ack = platform.post("platform/commands/" + seq + "/ack", "");
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().getString("acknowledgedBy")).startsWith("platform:");
        assertThat(platform.post("platform/commands/" + seq + "/ack", "").json().getString("acknowledgedAt"))
                .isEqualTo(ack.json().getString("acknowledgedAt"));
        assertThat(admin.get("platform/commands?open=true&after=" + lastSeq).json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).noneMatch(c -> c.getJsonNumber("seq").longValue() == seq);
        assertProblem(platform.get("platform/commands?after=-1"), 422, "after");
        assertProblem(platform.get("platform/commands?after=soon"), 400, "after");

        assertThat(admin.delete("admin/webhooks/" + id).status()).isEqualTo(204);
        assertProblem(admin.get("admin/webhooks/" + id), 404, null);
        assertThat(admin.get("admin/webhooks/deliveries?subscription=" + id).json().getJsonArray("items")).isEmpty();
    }

    @Test
    void manualActionsNeedAReasonAndAreAuditedWithWhoDidThem() {
        Http admin = Accounts.admin(anonymous);
        Answer started = admin.post("challenges", "{\"planCode\": \"two-step-100k\", \"traderId\": \"manual-"
                + UUID.randomUUID() + "\", \"startAt\": \"" + Instant.now() + "\"}");
        String c = "challenges/" + started.json().getString("id");

        assertProblem(admin.post(c + "/actions", "{\"action\": \"FAIL\"}"), 422, "reason");
        assertProblem(admin.post(c + "/actions", "{\"action\": \"FAIL\", \"reason\": \"  \"}"), 422, "reason");
        assertProblem(admin.post(c + "/actions", "{\"action\": \"EXPLODE\", \"reason\": \"x\"}"), 422, "action");
        Answer failed = admin.post(c + "/actions", "{\"action\": \"FAIL\", \"reason\": \"copy trading between accounts\"}");
        assertThat(failed.status()).as(failed.body()).isEqualTo(200);
        assertThat(failed.json().getString("status")).isEqualTo("FAILED");
        assertThat(failed.json().getJsonObject("failure").getString("rule")).isEqualTo("MANUAL");

        Answer restored = admin.post(c + "/actions", "{\"action\": \"RESTORE\", \"reason\": \"review found no copying\"}");
        assertThat(restored.json().getString("status")).isEqualTo("ACTIVE");
        Answer extended = admin.post(c + "/actions", "{\"action\": \"EXTEND\", \"reason\": \"platform outage\", \"days\": 5}");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertProblem(admin.post(c + "/actions", "{\"action\": \"EXTEND\", \"reason\": \"outage\"}"), 422, "days");
        assertProblem(admin.post(c + "/actions", "{\"action\": \"RESUME\", \"reason\": \"not paused\"}"), 422, "action");

        List<JsonObject> trail = admin.get(c + "/audit").json().getJsonArray("items").getValuesAs(JsonObject.class);
        List<JsonObject> manual = trail.stream().filter(e -> e.getString("kind").equals("MANUAL_ACTION")).toList();
        assertThat(manual).hasSize(3);
        assertThat(manual.get(0).getString("actor")).isEqualTo("admin:" + Accounts.ADMIN_EMAIL);
        assertThat(manual.get(0).getJsonObject("content").getString("reason")).isEqualTo("copy trading between accounts");
        assertThat(trail).extracting(e -> e.getString("kind")).contains("FAILED", "RESTORED", "EXTENDED");
        assertThat(admin.get(c + "/audit/verify").json().getBoolean("valid")).isTrue();
    }

    @Test
    void refusesARevokedApiKeyAndAKeyForAnotherPlan() {
        Http admin = Accounts.admin(anonymous);
        Answer issued = admin.post("admin/api-keys", "{\"name\": \"bridge to revoke\"}");
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().getString("key")).startsWith("tsk_");
        assertThat(admin.get("admin/api-keys").body()).doesNotContain(issued.json().getString("key"));
        Http platform = anonymous.apiKey(issued.json().getString("key"));
        assertThat(platform.get("plans").status()).isEqualTo(200);

        assertThat(admin.delete("admin/api-keys/" + issued.json().getString("id")).status()).isEqualTo(204);

        assertProblem(platform.get("plans"), 401, null);
        assertProblem(anonymous.apiKey("tsk_" + issued.json().getString("id") + ".guessed").get("plans"), 401, null);
        assertProblem(admin.post("admin/api-keys", "{\"name\": \"x\", \"planCodes\": [\"no-such-plan\"]}"), 422, "planCodes");
    }

    @Test
    void storesInjectionAttemptsAsPlainTextOrRefusesThem() {
        Http admin = Accounts.admin(anonymous);
        String sql = "Robert'); DROP TABLE app_user; --";
        Answer odd = anonymous.post("auth/register", "{\"email\": \"odd-" + UUID.randomUUID() + "@tradesense.test\","
                + " \"password\": \"" + Accounts.PASSWORD + "\", \"displayName\": \"" + sql + "\"}");
        assertThat(odd.status()).isEqualTo(201);
        assertThat(odd.json().getString("displayName")).isEqualTo(sql);
        assertProblem(anonymous.post("auth/register", "{\"email\": \"xss-" + UUID.randomUUID() + "@tradesense.test\","
                + " \"password\": \"" + Accounts.PASSWORD + "\", \"displayName\": \"<script>alert(1)</script>\"}"),
                422, "displayName");
        assertProblem(anonymous.post("auth/login", "{\"email\": \"' OR '1'='1\", \"password\": \"' OR '1'='1\"}"), 401, null);
        assertProblem(admin.post("challenges", "{\"planCode\": \"x'; DROP TABLE plan_version; --\", \"traderId\": \"t\"}"),
                422, "planCode");
        assertThat(admin.get("challenges?trader=%27%20OR%20%271%27%3D%271").json().getJsonArray("items")).isEmpty();
        assertProblem(admin.get("challenges/%27%20OR%201%3D1%20--"), 404, null);
        assertProblem(admin.post("plans", Plans.twoStep("<script>")), 422, "code");
        // Everything is still there.
        assertThat(admin.get("plans?size=1").status()).isEqualTo(200);
        assertThat(Accounts.login(anonymous, Accounts.ADMIN_EMAIL, Accounts.ADMIN_PASSWORD).getString("accessToken")).isNotBlank();
    }

    @Test
    void refusesOversizedBodiesEvenWithoutADeclaredLength() throws Exception {
        Http admin = Accounts.admin(anonymous);
        String big = "{\"code\": \"big\", \"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        assertThat(rawStatus(admin, bytes, false)).as("declared length").isEqualTo(413);
        assertThat(rawStatus(admin, bytes, true)).as("chunked, no length").isEqualTo(413);
        assertThat(rawStatus(admin, Plans.twoStep(Plans.uniqueCode("fits")).getBytes(StandardCharsets.UTF_8), true))
                .as("a small chunked body").isEqualTo(201);
    }

    /**
     * Posts a body over a plain socket (declared length or chunked) and reads the status line: the node
     * may answer and stop reading before the body is sent, which a client must be able to see.
     */
    private static int rawStatus(Http client, byte[] body, boolean chunked) throws Exception {
        URI target = client.base().resolve("plans");
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + "\r\n"
                    + "Authorization: " + client.header("Authorization") + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // The body goes out on its own thread: a node that answers early and stops reading must not
            // leave this test blocked in a write.
            Thread writer = new Thread(() -> {
                try {
                    for (int offset = 0; offset < body.length; offset += 65_536) {
                        int length = Math.min(65_536, body.length - offset);
                        if (chunked) {
                            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(body, offset, length);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException closedEarly) {
                    // The node answered and closed before the whole body was sent.
                }
            }, "raw-body-writer");
            writer.setDaemon(true);
            writer.start();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void limitsABurstOfSignInsWithRetryAfter() {
        User trader = Accounts.trader(anonymous);
        Answer last = null;
        for (int i = 0; i < 12; i++) {
            last = anonymous.post("auth/login", "{\"email\": \"" + trader.email() + "\", \"password\": \"wrong-password-" + i + "\"}");
        }
        assertProblem(last, 429, null);
        assertThat(last.header("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        // Over the limit even the right password waits; nothing was changed by the burst.
        assertThat(anonymous.post("auth/login", "{\"email\": \"" + trader.email() + "\", \"password\": \""
                + Accounts.PASSWORD + "\"}").status()).isEqualTo(429);
        assertThat(trader.http().get("auth/me").status()).isEqualTo(200);
    }

    @Test
    void sendsSecurityHeadersAndKeepsCorsClosed() {
        Answer answer = anonymous.get("plans");
        assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.header("X-Frame-Options")).contains("DENY");
        assertThat(answer.header("Content-Security-Policy")).isPresent();
        assertThat(answer.header("Cache-Control")).contains("no-store");
        Answer preflight = anonymous.send(HttpRequest.newBuilder(anonymous.base().resolve("plans"))
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(anonymous.with("Origin", "https://evil.example").get("plans").header("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    private interface Call {
        Answer on(Http client);
    }

    /** Calls the endpoint as each caller in turn and records every status that differs from the expected. */
    private static void expect(List<String> failures, Map<String, Http> who, String endpoint, Call call, int... statuses) {
        int i = 0;
        for (Map.Entry<String, Http> caller : who.entrySet()) {
            Answer answer = call.on(caller.getValue());
            if (answer.status() != statuses[i]) {
                failures.add(endpoint + " as " + caller.getKey() + ": expected " + statuses[i] + " but was "
                        + answer.status() + " " + answer.body());
            } else if (answer.status() >= 400) {
                assertThat(answer.contentType()).as(endpoint).startsWith("application/problem+json");
            }
            i++;
        }
    }

    private static JsonObject claims(String subject, long issued, long expires) {
        return Json.createObjectBuilder().add("iss", "tradesense").add("sub", subject).add("name", "x")
                .add("groups", Json.createArrayBuilder().add("TRADER")).add("iat", issued).add("exp", expires).build();
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
