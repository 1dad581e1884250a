package ai.tradesense.interfaces.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static Enumeration<String> headers(String... values) {
        return Collections.enumeration(List.of(values));
    }

    private static final Enumeration<String> NONE = Collections.emptyEnumeration();

    @Test
    void ignoresForwardingHeadersWhenNoProxyIsTrusted() {
        ClientAddress none = ClientAddress.trusting("");

        assertThat(none.of("10.0.0.5", NONE, headers("203.0.113.7"))).isEqualTo("10.0.0.5");
    }

    @Test
    void ignoresForwardingHeadersFromAnUntrustedSender() {
        ClientAddress proxies = ClientAddress.trusting("10.0.0.0/8");

        assertThat(proxies.of("198.51.100.9", NONE, headers("203.0.113.7"))).isEqualTo("198.51.100.9");
    }

    @Test
    void takesTheClientBehindATrustedProxyFromXForwardedFor() {
        ClientAddress proxies = ClientAddress.trusting("10.0.0.5");

        assertThat(proxies.of("10.0.0.5", NONE, headers("203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void readsTheChainFromTheRightSoAClientCannotChooseItsAddress() {
        ClientAddress proxies = ClientAddress.trusting("10.0.0.0/8, 192.168.1.1");

        // The client sent "X-Forwarded-For: 1.2.3.4" itself; the trusted proxies appended what they saw.
        assertThat(proxies.of("10.0.0.5", NONE, headers("1.2.3.4, 203.0.113.7, 192.168.1.1"))).isEqualTo("203.0.113.7");
        assertThat(proxies.of("10.0.0.5", NONE, headers("1.2.3.4", "203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void prefersTheStandardForwardedHeader() {
        ClientAddress proxies = ClientAddress.trusting("10.0.0.0/8,2001:db8::/32");

        assertThat(proxies.of("10.1.2.3", headers("for=192.0.2.60;proto=https;by=10.1.2.3"), headers("9.9.9.9")))
                .isEqualTo("192.0.2.60");
        assertThat(proxies.of("2001:db8::1", headers("for=\"[2001:db9::17]:4711\""), NONE)).isEqualTo("2001:db9::17");
        assertThat(proxies.of("10.1.2.3", headers("for=192.0.2.60:8080, for=10.2.2.2"), NONE)).isEqualTo("192.0.2.60");
    }

    @Test
    void fallsBackToTheProxyWhenNoHeaderNamesAClient() {
        ClientAddress proxies = ClientAddress.trusting("10.0.0.0/8");

        assertThat(proxies.of("10.0.0.5", NONE, NONE)).isEqualTo("10.0.0.5");
        assertThat(proxies.of("10.0.0.5", NONE, headers("10.0.0.7"))).isEqualTo("10.0.0.7");
    }

    @Test
    void refusesATrustedProxyEntryThatIsNoAddress() {
        assertThatThrownBy(() -> ClientAddress.trusting("nginx")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nginx'");
        assertThatThrownBy(() -> ClientAddress.trusting("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
