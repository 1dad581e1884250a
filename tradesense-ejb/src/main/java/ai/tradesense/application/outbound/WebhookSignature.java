package ai.tradesense.application.outbound;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header (docs/webhooks.md): for each signing key,
 * {@code v1,<key id>,<base64 of HMAC-SHA256(secret, "<webhook-timestamp>.<body>")>}, the secret's UTF-8
 * bytes being the key; several are separated by a space, the newest key first.
 */
public final class WebhookSignature {

    /** A key that signs: its id and its secret. */
    public record Key(String keyId, String secret) { }

    private WebhookSignature() {
    }

    public static String header(List<Key> keys, long timestampSeconds, String body) {
        return keys.stream().map(k -> "v1," + k.keyId() + "," + sign(k.secret(), timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    /** The base64 signature of one key. */
    public static String sign(String secret, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
