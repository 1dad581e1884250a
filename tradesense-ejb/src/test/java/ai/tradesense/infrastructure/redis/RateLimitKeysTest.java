package ai.tradesense.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class RateLimitKeysTest {

    @Test
    void keepsAReadableBucketAsItIsUnderTheNamespace() {
        assertThat(RateLimitKeys.of("login:ip:1.2.3.4")).isEqualTo("tradesense:rl:login:ip:1.2.3.4");
        assertThat(RateLimitKeys.of("login:email:a@b.c")).isEqualTo("tradesense:rl:login:email:a@b.c");
    }

    @Test
    void escapesWhatCouldSteerOrForgeAKey() {
        String key = RateLimitKeys.of("login:email:{x}% y\r\n*?\u00e9");

        assertThat(key).startsWith("tradesense:rl:login:email:")
                .doesNotContain("{", "}", " ", "\r", "\n", "*", "?", "\u00e9")
                .isEqualTo("tradesense:rl:login:email:%7Bx%7D%25%20y%0D%0A%2A%3F%C3%A9");
    }

    @Test
    void neverMapsTwoBucketsToOneKey() {
        List<String> buckets = List.of("login:email:a:b@c.d", "login:email:a%3Ab@c.d", "login:email:a%253Ab@c.d",
                "login:email:A@b.c", "login:email:a@b.c", "login:email:a@b.c ", "login:email:#abc",
                "login:email:" + "x".repeat(200), "login:email:" + "x".repeat(199) + "y",
                "login:email:" + "x".repeat(114), "login:email:" + "x".repeat(115));

        Set<String> keys = buckets.stream().map(RateLimitKeys::of).collect(Collectors.toSet());

        assertThat(keys).hasSameSizeAs(buckets);
    }

    @Test
    void hashesAHugeBucketIntoABoundedKey() {
        String huge = "login:email:" + "\u00e9".repeat(10_240);
        String almostTheSame = huge.substring(0, huge.length() - 1) + "y";

        String key = RateLimitKeys.of(huge);

        assertThat(huge).hasSizeGreaterThan(10_000);
        assertThat(key).hasSizeLessThanOrEqualTo(RateLimitKeys.MAX_KEY_LENGTH)
                .hasSizeLessThan(200)
                .startsWith("tradesense:rl:login:email:#")
                .matches("tradesense:rl:login:email:#[0-9a-f]{64}");
        assertThat(RateLimitKeys.of(huge)).isEqualTo(key);
        assertThat(RateLimitKeys.of(almostTheSame)).isNotEqualTo(key);
    }

    @Test
    void hashesWithoutAScopeWhenTheBucketHasNoSeparatorEarly() {
        String key = RateLimitKeys.of("y".repeat(10_240));

        assertThat(key).matches("tradesense:rl:#[0-9a-f]{64}");
    }

    @Test
    void escapedKeysStopExactlyAtTheLengthThatIsStillKept() {
        String longest = "k".repeat(RateLimitKeys.MAX_ESCAPED_LENGTH);

        assertThat(RateLimitKeys.of(longest)).isEqualTo(RateLimitKeys.PREFIX + longest);
        assertThat(RateLimitKeys.of(longest + "k")).contains("#");
        assertThat(RateLimitKeys.of("k".repeat(RateLimitKeys.MAX_ESCAPED_LENGTH - 2) + "{")).contains("#");
    }
}
