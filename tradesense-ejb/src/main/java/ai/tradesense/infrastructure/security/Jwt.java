package ai.tradesense.infrastructure.security;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import ai.tradesense.infrastructure.json.Json;

/**
 * Compact JWTs signed with HMAC-SHA256. Verification accepts exactly one header,
 * {@code {"alg":"HS256","typ":"JWT"}}: "none", other algorithms and altered headers are refused, the
 * signature is compared in constant time, and the issuer and expiry are checked.
 */
public final class Jwt {

    public static final String ISSUER = "tradesense";
    private static final String HEADER = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final String ALGORITHM = "HmacSHA256";

    private Jwt() {
    }

    /** Signs the claims (which should hold sub, iat, exp) with the current key. */
    public static String sign(JsonObject claims, byte[] key) {
        String payload = encode(claims.toString().getBytes(StandardCharsets.UTF_8));
        String signingInput = HEADER + "." + payload;
        return signingInput + "." + encode(hmac(signingInput, key));
    }

    /**
     * The claims of a token signed with one of the keys (the current one first, then those still
     * accepted after a rotation), issued by TradeSense and not expired at {@code now}; empty otherwise.
     */
    public static Optional<JsonObject> verify(String token, List<byte[]> keys, Instant now) {
        if (token == null || token.length() > 8192) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !HEADER.equals(parts[0])) {
            return Optional.empty();
        }
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String signingInput = parts[0] + "." + parts[1];
        boolean signed = keys.stream().anyMatch(key -> MessageDigest.isEqual(hmac(signingInput, key), signature));
        if (!signed) {
            return Optional.empty();
        }
        JsonObject claims;
        try (JsonReader reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
            claims = reader.readObject();
        } catch (JsonException | IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
        if (!ISSUER.equals(claims.getString("iss", null))
                || !claims.containsKey("exp") || !claims.containsKey("sub")
                || claims.getJsonNumber("exp").longValue() <= now.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(claims);
    }

    private static byte[] hmac(String input, byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
