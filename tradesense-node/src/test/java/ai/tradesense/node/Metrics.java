package ai.tradesense.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a node's /metrics as Prometheus does: the text format checked by promtool, values as numbers. */
final class Metrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$");
    /** The families TradeSense itself registers. */
    private static final Pattern OURS = Pattern.compile("^(# (HELP|TYPE) )?(api_|websocket_|database_|redis_|worker_|engine_).*");
    /** No answer of a test node takes anywhere near this long; a value above it is not in seconds. */
    private static final double PLAUSIBLE_SECONDS = 60;

    private Metrics() {
    }

    static void assertReadAsPrometheusWould(String text) {
        Set<String> typed = new HashSet<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                assertThat(typed.add(line.split(" ")[2])).as("one block per family: %s", line).isTrue();
            }
        }
        List<Double> durations = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches() || !sample.group(1).startsWith("api_response_duration_seconds")) {
                continue;
            }
            String name = sample.group(1);
            double value = Double.parseDouble(sample.group(3));
            if (name.equals("api_response_duration_seconds") || name.endsWith("_max") || name.endsWith("_mean")) {
                assertThat(value).as(line).isBetween(0.0, PLAUSIBLE_SECONDS);
                durations.add(value);
            }
        }
        assertThat(durations).as("response-time quantiles, means and maxima").isNotEmpty();
        assertThat(durations).as("some call took measurable time").anyMatch(v -> v > 0);
        promtoolAccepts(text.lines().filter(l -> OURS.matcher(l).matches()).toList());
    }

    /** promtool check metrics: the format and the naming rules Prometheus's own linter applies. */
    private static void promtoolAccepts(List<String> families) {
        Process promtool;
        try {
            promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("promtool is needed to check the metrics (Debian package prometheus; .ci/run installs it): "
                    + e.getMessage());
            return;
        }
        try {
            promtool.getOutputStream().write((String.join("\n", families) + "\n").getBytes(StandardCharsets.UTF_8));
            promtool.getOutputStream().close();
            String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
            assertThat(promtool.exitValue()).as("promtool check metrics said:\n%s", output).isZero();
        } catch (IOException e) {
            fail("promtool could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
