package ai.tradesense.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class NodeOptionsTest {

    private static NodeOptions from(Map<String, String> properties) {
        return NodeOptions.fromProperties(properties::get);
    }

    @Test
    void leavesRemoteJmxOffByDefault() {
        NodeOptions options = from(Map.of("tradesense.jmx.port", ""));

        assertThat(options.jmxPort()).isEmpty();
        assertThat(Launcher.command(options)).noneMatch(arg -> arg.contains("jmxremote"));
    }

    @Test
    void turnsOnLoopbackJmxWithoutAuthenticationForTheGivenPort() {
        NodeOptions options = from(Map.of("tradesense.jmx.port", "9010"));

        assertThat(options.jmxPort()).contains(9010);
        assertThat(Launcher.command(options)).contains("-Dcom.sun.management.jmxremote.port=9010",
                "-Dcom.sun.management.jmxremote.rmi.port=9010", "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1", "-Dcom.sun.management.jmxremote.authenticate=false");
    }

    @Test
    void refusesAPortThatIsNotOneNamingTheSetting() {
        assertThatThrownBy(() -> from(Map.of("tradesense.jmx.port", "90100")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tradesense.jmx.port");
        assertThatThrownBy(() -> from(Map.of("tradesense.http.port", "http")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tradesense.http.port");
    }

    @Test
    void usesTheDefaultPortAndDataFolderWhenNoneIsGiven() {
        NodeOptions options = from(Map.of("tradesense.project.dir", "/srv/tradesense"));

        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.dataDir().toString()).isEqualTo("/srv/tradesense/data");
    }
}
