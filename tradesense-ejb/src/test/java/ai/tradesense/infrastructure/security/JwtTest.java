package ai.tradesense.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class JwtTest {

    private static final byte[] CURRENT = "current-signing-key-with-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PREVIOUS = "previous-signing-key-with-at-least-32-bytes".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static JsonObject claims(long expiresAt) {
        return Json.createObjectBuilder().add("iss", Jwt.ISSUER).add("sub", "user-1")
                .add("iat", NOW.getEpochSecond()).add("exp", expiresAt).build();
    }

    @Test
    void acceptsATokenSignedWithTheCurrentKeyAndReturnsItsClaims() {
        String token = Jwt.sign(claims(NOW.getEpochSecond() + 60), CURRENT);

        assertThat(Jwt.verify(token, List.of(CURRENT), NOW)).hasValueSatisfying(c ->
                assertThat(c.getString("sub")).isEqualTo("user-1"));
    }

    @Test
    void acceptsATokenOfThePreviousKeyDuringARotationAndRefusesItAfterwards() {
        String token = Jwt.sign(claims(NOW.getEpochSecond() + 60), PREVIOUS);

        assertThat(Jwt.verify(token, List.of(CURRENT, PREVIOUS), NOW)).isPresent();
        assertThat(Jwt.verify(token, List.of(CURRENT), NOW)).isEmpty();
    }

    @Test
    void refusesAnExpiredToken() {
        String token = Jwt.sign(claims(NOW.getEpochSecond()), CURRENT);

        assertThat(Jwt.verify(token, List.of(CURRENT), NOW)).isEmpty();
        assertThat(Jwt.verify(token, List.of(CURRENT), NOW.minusSeconds(1))).isPresent();
    }

    @Test
    void refusesAnotherIssuerOrMissingSubject() {
        JsonObject foreign = Json.createObjectBuilder(claims(NOW.getEpochSecond() + 60)).add("iss", "elsewhere").build();
        JsonObject anonymous = Json.createObjectBuilder(claims(NOW.getEpochSecond() + 60)).remove("sub").build();

        assertThat(Jwt.verify(Jwt.sign(foreign, CURRENT), List.of(CURRENT), NOW)).isEmpty();
        assertThat(Jwt.verify(Jwt.sign(anonymous, CURRENT), List.of(CURRENT), NOW)).isEmpty();
    }

    @Test
    void refusesUnsignedAndOtherAlgorithmHeaders() {
        String[] parts = Jwt.sign(claims(NOW.getEpochSecond() + 60), CURRENT).split("\\.");
        String none = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String hs512 = encode("{\"alg\":\"HS512\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2];
        String spaced = encode("{\"alg\": \"HS256\", \"typ\": \"JWT\"}") + "." + parts[1] + "." + parts[2];

        assertThat(Jwt.verify(none, List.of(CURRENT), NOW)).isEmpty();
        assertThat(Jwt.verify(hs512, List.of(CURRENT), NOW)).isEmpty();
        assertThat(Jwt.verify(spaced, List.of(CURRENT), NOW)).isEmpty();
    }

    @Test
    void refusesATamperedPayloadOrSignature() {
        String token = Jwt.sign(claims(NOW.getEpochSecond() + 60), CURRENT);
        String[] parts = token.split("\\.");
        String otherPayload = encode("{\"iss\":\"tradesense\",\"sub\":\"admin\",\"exp\":" + (NOW.getEpochSecond() + 60) + "}");

        assertThat(Jwt.verify(parts[0] + "." + otherPayload + "." + parts[2], List.of(CURRENT), NOW)).isEmpty();
        assertThat(Jwt.verify(token.substring(0, token.length() - 2) + "AA", List.of(CURRENT), NOW)).isEmpty();
        assertThat(Jwt.verify(parts[0] + "." + parts[1], List.of(CURRENT), NOW)).isEmpty();
        assertThat(Jwt.verify("%%%.###.$$$", List.of(CURRENT), NOW)).isEmpty();
        assertThat(Jwt.verify(null, List.of(CURRENT), NOW)).isEmpty();
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
