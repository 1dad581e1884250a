package ai.tradesense.application.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String BODY = "{\"specversion\":\"1.0\",\"id\":\"abc\"}";

    /** The vector of docs/webhooks.md, computed with openssl dgst -sha256 -hmac ... -binary | base64. */
    @Test
    void signsTimestampDotBodyWithHmacSha256AsOpensslDoes() {
        assertThat(WebhookSignature.sign(SECRET, 1_700_000_000L, BODY))
                .isEqualTo("eYGe+eHDJBVo6Zfe7dSJ0lXk9fbGMOz1UuNtpMlk4V8=");
    }

    @Test
    void headerNamesEachKeyNewestFirstSeparatedBySpaces() {
        String header = WebhookSignature.header(List.of(new WebhookSignature.Key("wk_new", SECRET),
                new WebhookSignature.Key("wk_old", "another-secret-of-enough-length")), 1_700_000_000L, BODY);
        String[] parts = header.split(" ");
        assertThat(parts).hasSize(2);
        assertThat(parts[0]).isEqualTo("v1,wk_new,eYGe+eHDJBVo6Zfe7dSJ0lXk9fbGMOz1UuNtpMlk4V8=");
        assertThat(parts[1]).startsWith("v1,wk_old,").isNotEqualTo("v1,wk_old,eYGe+eHDJBVo6Zfe7dSJ0lXk9fbGMOz1UuNtpMlk4V8=");
    }

    @Test
    void anyChangeOfTimestampOrBodyChangesTheSignature() {
        String signed = WebhookSignature.sign(SECRET, 1_700_000_000L, BODY);
        assertThat(WebhookSignature.sign(SECRET, 1_700_000_001L, BODY)).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign(SECRET, 1_700_000_000L, BODY + " ")).isNotEqualTo(signed);
    }
}
