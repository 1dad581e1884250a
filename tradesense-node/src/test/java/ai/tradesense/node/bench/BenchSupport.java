package ai.tradesense.node.bench;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import ai.tradesense.node.Jmx;
import ai.tradesense.node.Launcher;
import ai.tradesense.node.Launcher.RunningNode;
import ai.tradesense.node.NodeOptions;
import ai.tradesense.node.RedisProbe;
import ai.tradesense.node.WorkerSupport;
import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Poll;
import ai.tradesense.testsupport.TestServices;

/** What the benchmarks share: the machine line, their own node, the node's log, small JSON helpers. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** A production-mode node for a benchmark, as the run command starts one, logging under target/bench. */
    static RunningNode startNode(Path root, TestServices.Database db, String redis, String logPrefix)
            throws IOException {
        return startNode(root, db, redis, logPrefix, UnaryOperator.identity());
    }

    /** As above, with the options adjusted (a worker-only node, JMX, worker settings). */
    static RunningNode startNode(Path root, TestServices.Database db, String redis, String logPrefix,
                                 UnaryOperator<NodeOptions> adjust) throws IOException {
        Path work = Files.createDirectories(root.resolve("tradesense-node/target/bench"));
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now());
        NodeOptions options = new NodeOptions(
                root.resolve("tradesense-node/target/payara-micro.jar"),
                root.resolve("tradesense-web/target/tradesense-web.war"),
                root.resolve("tradesense-batch/target/tradesense-batch.war"),
                freePort(),
                Files.createTempDirectory(work, "data-"),
                Map.of(),
                NodeOptions.THROUGHPUT_JVM_OPTIONS,
                work.resolve(logPrefix + "-" + stamp + ".log"))
                .withSetting("tradesense.db.url", db.url())
                .withSetting("tradesense.db.user", db.user())
                .withSetting("tradesense.db.password", db.password())
                .withSetting("tradesense.redis.url", redis);
        for (var setting : Accounts.settings().entrySet()) {
            options = options.withSetting(setting.getKey(), setting.getValue());
        }
        return Launcher.start(adjust.apply(options));
    }

    /** The project folder: {@code bench.root}, or the working directory or its parent (run from a module). */
    static Path root() {
        String given = System.getProperty("bench.root");
        Path here = Path.of(given == null ? "." : given).toAbsolutePath().normalize();
        if (Files.isDirectory(here.resolve("tradesense-node"))) {
            return here;
        }
        if (here.getParent() != null && Files.isDirectory(here.getParent().resolve("tradesense-node"))) {
            return here.getParent();
        }
        throw new IllegalStateException("run from the project folder (or set -Dbench.root=...): " + here);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Warnings and errors the node logged, so nothing odd goes unseen. */
    static void reportLog(Path log) {
        if (log == null || !Files.isRegularFile(log)) {
            return;
        }
        try (Stream<String> lines = Files.lines(log)) {
            List<String> bad = lines.filter(l -> l.contains("SEVERE") || l.contains("WARNING")
                    || l.contains("Exception") || l.contains("Too many open files") || l.contains("OutOfMemory"))
                    .toList();
            System.out.printf("Node log: %d lines with SEVERE, WARNING, Exception, Too many open files or"
                    + " OutOfMemory%n", bad.size());
            bad.stream().filter(l -> !l.contains("PayaraMicro") && !l.contains("NCLS-SECURITY-05054")).limit(8)
                    .forEach(l -> System.out.println("         " + abbreviate(l, 220)));
        } catch (IOException | java.io.UncheckedIOException e) {
            System.out.println("Node log: unreadable: " + e);
        }
    }

    static void printMachine() {
        Runtime rt = Runtime.getRuntime();
        String cpu = "";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> ", " + l.substring(l.indexOf(':') + 1).strip()).orElse("");
        } catch (IOException | RuntimeException e) {
            // not Linux: the core count says enough
        }
        long memory = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize() >> 30;
        }
        System.out.printf("Machine: %d cores%s, %d GiB RAM; %s %s (%s); %s %s %s%n", rt.availableProcessors(), cpu,
                memory, System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"));
        System.out.println("Date:    " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(Locale.ROOT, "Load:    %.2f (1-minute average before the benchmark)%s%n", load,
                load > rt.availableProcessors() / 2.0 ? " -- the machine is busy: these figures will be low" : "");
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static String abbreviate(String s, int max) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "...";
    }

    /**
     * One worker cycle of {@code job} (its records under {@code kind}), started on A through JMX; with two
     * workers B drains the shared queue beside it. Clears the alerts first; answers the finished cycle.
     */
    static JsonObject cycle(TestServices.Database db, RedisProbe redis, Jmx jmxA, Jmx jmxB, int workers, String job,
                            String kind, Duration limit) throws Exception {
        try (Connection connection = db.connect(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM alert");
        }
        String before = WorkerSupport.lastCycle(redis, kind).getString("cycle", "");
        String answer = (String) jmxA.invoke("runNow", job);
        if (workers == 2) {
            Poll.until("shards queued", Duration.ofMinutes(2), () -> {
                try {
                    return (Long) redis.call("LLEN", "tradesense:queue:risk-scan") > 0
                            || !before.equals(WorkerSupport.lastCycle(redis, kind).getString("cycle", ""));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            jmxB.invoke("runNow", "shard-drain");
        }
        Poll.until("the " + job + " cycle is finished", limit,
                () -> !before.equals(WorkerSupport.lastCycle(redis, kind).getString("cycle", "")));
        WorkerSupport.await(jmxA, job, WorkerSupport.execution(answer));
        return WorkerSupport.lastCycle(redis, kind);
    }

    /** A worker node, once ready, and its monitor over JMX. */
    static Jmx awaitWorker(RunningNode node, int jmxPort) {
        node.awaitReady(WorkerSupport.BOOT);
        return WorkerSupport.monitorOn(jmxPort, node);
    }
}
