package ai.tradesense.node.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.tradesense.node.Launcher;
import ai.tradesense.node.Launcher.RunningNode;
import ai.tradesense.node.NodeOptions;

/**
 * How long the README's run command takes to be ready and how much memory it then holds: an embedded node
 * with both WARs, started {@code bench.runs} times on an empty data folder (a first start, with the schema
 * migrated) and once more on the last one's (a restart). Prints each start beside the goals (ready within
 * 15 s of the JVM's start, at most 512 MB resident), and where the time went, read from the node's log:
 * Payara's own boot, each WAR's deployment, and what remained until the first ready answer.
 * {@code -Dbench.jvm="-Xmx512m -XX:+UseSerialGC"} replaces the node's JVM options to compare others.
 * A plain main, never run by the test suite.
 */
public final class StartupBenchmark {

    private static final double GOAL_SECONDS = 15;
    private static final long GOAL_MB = 512;
    private static final Pattern DEPLOYED = Pattern.compile("(tradesense-\\w+) was successfully deployed in ([\\d,]+) milliseconds");
    private static final Pattern READY = Pattern.compile("Payara Micro .* ready in ([\\d,]+) \\(ms\\)");

    private StartupBenchmark() {
    }

    record Start(String kind, double readySeconds, long rssMb, long rssSettledMb, Map<String, Long> phasesMillis) { }

    public static void main(String[] args) throws Exception {
        BenchSupport.printMachine();
        Path root = BenchSupport.root();
        int runs = Integer.getInteger("bench.runs", 3);
        String jvm = System.getProperty("bench.jvm", "");
        List<String> jvmOptions = jvm.isBlank() ? NodeOptions.DEFAULT_JVM_OPTIONS : Arrays.asList(jvm.strip().split("\\s+"));
        System.out.println("Node:    embedded mode, both WARs, JVM options " + jvmOptions);
        Path work = Files.createDirectories(root.resolve("tradesense-node/target/bench"));
        List<Start> starts = new ArrayList<>();
        Path data = null;
        for (int i = 0; i <= runs; i++) {
            boolean restart = i == runs;
            if (!restart) {
                data = Files.createTempDirectory(work, "startup-data-");
            }
            Path log = work.resolve("startup-" + i + ".log");
            NodeOptions options = new NodeOptions(root.resolve("tradesense-node/target/payara-micro.jar"),
                    root.resolve("tradesense-web/target/tradesense-web.war"),
                    root.resolve("tradesense-batch/target/tradesense-batch.war"), BenchSupport.freePort(), data,
                    Map.of(), jvmOptions, log);
            starts.add(measure(restart ? "restart" : "first start", options));
            Start s = starts.get(starts.size() - 1);
            System.out.printf(Locale.ROOT, "  %-11s ready %5.1f s (goal <= %.0f s)   RSS %4d MB at ready, %4d MB settled (goal <= %d MB)   %s%n",
                    s.kind(), s.readySeconds(), GOAL_SECONDS, s.rssMb(), s.rssSettledMb(), GOAL_MB, s.phasesMillis());
        }
        double median = starts.stream().filter(s -> s.kind().equals("first start")).mapToDouble(Start::readySeconds)
                .sorted().skip(runs / 2).findFirst().orElse(0);
        long rss = starts.stream().mapToLong(Start::rssSettledMb).max().orElse(0);
        System.out.printf(Locale.ROOT, "Result:  first start median %.1f s (goal <= %.0f s: %s); largest settled RSS %d MB (goal <= %d MB: %s)%n",
                median, GOAL_SECONDS, median <= GOAL_SECONDS ? "met" : "NOT met", rss, GOAL_MB, rss <= GOAL_MB ? "met" : "NOT met");
        System.out.println("Phases:  payara = Payara's boot before the first deployment; tradesense-web/-batch = each WAR's"
                + " deployment (CDI, EJBs, JAX-RS, Flyway, the persistence unit); to-ready = until /health/ready answered 200");
    }

    private static Start measure(String kind, NodeOptions options) throws IOException, InterruptedException {
        long started = System.nanoTime();
        RunningNode node = Launcher.start(options);
        try {
            awaitReady(node.baseUri(), node);
            double ready = (System.nanoTime() - started) / 1e9;
            long rss = rssMb(node.process().pid());
            Thread.sleep(10_000);
            long settled = rssMb(node.process().pid());
            return new Start(kind, ready, rss, settled, phases(options.logFile(), ready));
        } finally {
            node.stop();
        }
    }

    private static void awaitReady(URI base, RunningNode node) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!node.process().isAlive()) {
                throw new IllegalStateException("the node exited before it was ready; see " + node.logFile());
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(base.resolve("health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the node does not answer yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not ready within 3 minutes; see " + node.logFile());
    }

    private static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** Where the time went, from the node's log lines. */
    private static Map<String, Long> phases(Path log, double readySeconds) throws IOException {
        String text = Files.readString(log);
        Map<String, Long> phases = new java.util.LinkedHashMap<>();
        long deployments = 0;
        Matcher deployed = DEPLOYED.matcher(text);
        while (deployed.find()) {
            long millis = Long.parseLong(deployed.group(2).replace(",", ""));
            phases.put(deployed.group(1), millis);
            deployments += millis;
        }
        Matcher ready = READY.matcher(text);
        if (ready.find()) {
            long payaraReady = Long.parseLong(ready.group(1).replace(",", ""));
            phases.put("payara", Math.max(0, payaraReady - deployments));
            phases.put("to-ready", Math.max(0, Math.round(readySeconds * 1000) - payaraReady));
        }
        return phases;
    }
}
