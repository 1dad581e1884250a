package ai.tradesense.interfaces.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final Set<String> TIMERS = Set.of("api_response_duration_seconds");

    /** As Payara Micro 6 writes a Timer (nanoseconds but for _sum) and a family split over two application blocks. */
    private static final String PAYARA = """
            # TYPE api_response_duration_seconds_mean gauge
            api_response_duration_seconds_mean{method="GET",mp_scope="application",status="4xx"} 4.0498525E7
            # TYPE api_response_duration_seconds_max gauge
            # HELP api_response_duration_seconds_max Time to answer a REST API call
            api_response_duration_seconds_max{method="GET",mp_scope="application",status="4xx"} 1.8873011E8
            # HELP api_response_duration_seconds Time to answer a REST API call
            # TYPE api_response_duration_seconds summary
            api_response_duration_seconds{method="GET",mp_scope="application",status="4xx",quantile="0.5"} 3.4414365E7
            api_response_duration_seconds{method="GET",mp_scope="application",status="4xx",quantile="0.95"} 1.8873011E8
            api_response_duration_seconds_count{method="GET",mp_scope="application",status="4xx"} 3.0
            api_response_duration_seconds_sum{method="GET",mp_scope="application",status="4xx"} 0.235920019
            # HELP engine_events_applied_total Events applied
            # TYPE engine_events_applied_total counter
            engine_events_applied_total{app="web",mp_scope="application"} 7.0
            # HELP websocket_connections_active Open WebSocket sessions on this node
            # TYPE websocket_connections_active gauge
            websocket_connections_active{mp_scope="application"} 2.0
            engine_events_applied_total{app="batch",mp_scope="application"} 3.0
            """;

    private static String repaired() {
        return PrometheusText.repair(PAYARA, TIMERS);
    }

    private static double value(String text, String series) {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + series + " in\n" + text));
    }

    @Test
    void givesATimersQuantilesMeanAndMaxInSeconds() {
        String text = repaired();
        String labels = "{method=\"GET\",mp_scope=\"application\",status=\"4xx\"";

        assertThat(value(text, "api_response_duration_seconds" + labels + ",quantile=\"0.95\"}")).isEqualTo(0.18873011);
        assertThat(value(text, "api_response_duration_seconds" + labels + ",quantile=\"0.5\"}")).isEqualTo(0.034414365);
        assertThat(value(text, "api_response_duration_seconds_max" + labels + "}")).isEqualTo(0.18873011);
        assertThat(value(text, "api_response_duration_seconds_mean" + labels + "}")).isEqualTo(0.040498525);
    }

    @Test
    void keepsCountSumAndOtherFamiliesAsTheyAre() {
        String text = repaired();

        assertThat(value(text, "api_response_duration_seconds_count{method=\"GET\",mp_scope=\"application\",status=\"4xx\"}"))
                .isEqualTo(3.0);
        assertThat(value(text, "api_response_duration_seconds_sum{method=\"GET\",mp_scope=\"application\",status=\"4xx\"}"))
                .isEqualTo(0.235920019);
        assertThat(value(text, "websocket_connections_active{mp_scope=\"application\"}")).isEqualTo(2.0);
    }

    @Test
    void writesEachFamilyInOneBlockWithOneHelpAndOneType() {
        List<String> lines = Arrays.asList(repaired().split("\n"));
        int web = lines.indexOf("engine_events_applied_total{app=\"web\",mp_scope=\"application\"} 7.0");
        int batch = lines.indexOf("engine_events_applied_total{app=\"batch\",mp_scope=\"application\"} 3.0");

        assertThat(batch).as("the second WAR's samples follow the first's").isEqualTo(web + 1);
        assertThat(lines.stream().filter(l -> l.equals("# TYPE engine_events_applied_total counter"))).hasSize(1);
        List<String> familiesInOrder = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("# TYPE ")) {
                familiesInOrder.add(line.split(" ")[2]);
            }
        }
        assertThat(familiesInOrder).doesNotHaveDuplicates();
        int summaryType = lines.indexOf("# TYPE api_response_duration_seconds summary");
        assertThat(lines.get(summaryType + 1)).startsWith("api_response_duration_seconds{");
        assertThat(lines.indexOf("# HELP api_response_duration_seconds Time to answer a REST API call"))
                .isEqualTo(summaryType - 1);
        assertThat(lines).contains("# HELP api_response_duration_seconds_mean Time to answer a REST API call (mean)");
    }
}
