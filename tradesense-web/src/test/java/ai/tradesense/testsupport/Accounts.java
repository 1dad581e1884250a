package ai.tradesense.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.JsonObject;

/**
 * Who the tests sign in as. The test nodes are configured with a known first admin and signing key
 * (test values, never used outside tests); traders and platform keys are made fresh per test.
 */
public final class Accounts {

    public static final String ADMIN_EMAIL = "admin@tradesense.test";
    public static final String ADMIN_PASSWORD = "test-admin-password-1";
    /** Base64 of 48 bytes; every test node shares it, as production API nodes share theirs. */
    public static final String JWT_SECRET = "dGVzdC1zaWduaW5nLWtleS1mb3ItdHJhZGVzZW5zZS10ZXN0cy1vbmx5LTQ4Ynl0ZXMh";
    public static final String PASSWORD = "correct-horse-battery-staple";

    private static final Map<String, String> ADMIN_TOKENS = new ConcurrentHashMap<>();

    private Accounts() {
    }

    /** The settings that give a test node its admin and key; sign-in limits are raised for test traffic. */
    public static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("tradesense.security.admin.email", ADMIN_EMAIL);
        settings.put("tradesense.security.admin.password", ADMIN_PASSWORD);
        settings.put("tradesense.security.jwt-secret", JWT_SECRET);
        settings.put("tradesense.ratelimit.auth-per-ip-per-minute", "10000");
        // Four eyes on payouts, so the container tests see both approvals (ChallengeApiIT).
        settings.put("tradesense.payouts.approvals", "2");
        return settings;
    }

    /** An API client signed in as the admin (one sign-in per node). */
    public static Http admin(Http api) {
        String token = ADMIN_TOKENS.computeIfAbsent(api.base().toString(),
                base -> login(api.anonymous(), ADMIN_EMAIL, ADMIN_PASSWORD).getString("accessToken"));
        return api.anonymous().bearer(token);
    }

    public static JsonObject login(Http api, String email, String password) {
        Http.Answer answer = api.post("auth/login",
                "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** A new trader, signed in. */
    public static User trader(Http api) {
        String email = "trader-" + UUID.randomUUID() + "@tradesense.test";
        Http.Answer registered = api.anonymous().post("auth/register", "{\"email\": \"" + email
                + "\", \"password\": \"" + PASSWORD + "\", \"displayName\": \"Test Trader\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String token = login(api.anonymous(), email, PASSWORD).getString("accessToken");
        return new User(registered.json().getString("id"), email, api.anonymous().bearer(token));
    }

    /** A new user with the given roles (set by the admin), signed in again to get them in the token. */
    public static User withRoles(Http api, String... roles) {
        User user = trader(api);
        String list = String.join("\", \"", roles);
        Http.Answer set = admin(api).put("admin/users/" + user.id() + "/roles", "{\"roles\": [\"" + list + "\"]}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        String token = login(api.anonymous(), user.email(), PASSWORD).getString("accessToken");
        return new User(user.id(), user.email(), api.anonymous().bearer(token));
    }

    /** A new platform key (for all plans, or only the given ones); the client sends it. */
    public static Http platform(Http api, String... planCodes) {
        String plans = planCodes.length == 0 ? "" : ", \"planCodes\": [\"" + String.join("\", \"", planCodes) + "\"]";
        Http.Answer issued = admin(api).post("admin/api-keys", "{\"name\": \"test bridge\"" + plans + "}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return api.anonymous().apiKey(issued.json().getString("key"));
    }

    /** A signed-in user: id, email and a client sending their token. */
    public record User(String id, String email, Http http) { }
}
