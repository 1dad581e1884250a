package ai.tradesense.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a node is started with.
 *
 * @param payaraJar   the Payara Micro runtime
 * @param webWar      tradesense-web.war, deployed at {@code /}; null for a worker node
 * @param batchWar    tradesense-batch.war, deployed at {@code /worker}; null to run the API alone
 * @param port        HTTP port
 * @param dataDir     the embedded-mode data folder (the H2 file lives here)
 * @param settings    extra TradeSense settings passed as system properties (e.g. tradesense.db.url);
 *                    settings not given here come from the environment, as in production
 * @param jvmOptions  options for the node's JVM
 * @param logFile     where the node's output goes; null to share this process's console
 */
public record NodeOptions(Path payaraJar, Path webWar, Path batchWar, int port, Path dataDir,
                          Map<String, String> settings, List<String> jvmOptions, Path logFile) {

    /**
     * The run command's node: one JVM on a developer's machine, tuned to be ready soon and small (the
     * client compiler only, the serial collector, a small initial heap); StartupBenchmark measures it.
     * Production images size the JVM for their container instead (docker/payara/start-node.sh).
     */
    public static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-Xms64m", "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** A node measured for throughput (the benchmarks): both compilers and G1, as in production. */
    public static final List<String> THROUGHPUT_JVM_OPTIONS = List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC");

    public NodeOptions {
        settings = Map.copyOf(settings);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The options the run command uses, from system properties set by the Maven {@code run} profile. */
    public static NodeOptions fromSystemProperties() {
        return fromProperties(System::getProperty);
    }

    /**
     * The run command's options from {@code property} (a name to its value, or null). A blank
     * {@code tradesense.jmx.port} leaves remote JMX off.
     *
     * @throws IllegalArgumentException naming the property when a value is not usable
     */
    static NodeOptions fromProperties(UnaryOperator<String> property) {
        Path root = Path.of(Objects.requireNonNullElse(property.apply("tradesense.project.dir"), "."))
                .toAbsolutePath().normalize();
        String dataDir = property.apply("tradesense.data.dir");
        NodeOptions options = new NodeOptions(
                root.resolve("tradesense-node/target/payara-micro.jar"),
                root.resolve("tradesense-web/target/tradesense-web.war"),
                root.resolve("tradesense-batch/target/tradesense-batch.war"),
                port(property, "tradesense.http.port", "8080"),
                Path.of(dataDir == null || dataDir.isBlank() ? root.resolve("data").toString() : dataDir),
                Map.of(),
                DEFAULT_JVM_OPTIONS,
                null);
        String jmx = property.apply("tradesense.jmx.port");
        return jmx == null || jmx.isBlank() ? options : options.withLocalJmx(port(property, "tradesense.jmx.port", null));
    }

    private static int port(UnaryOperator<String> property, String name, String fallback) {
        String value = property.apply(name);
        if (value == null || value.isBlank()) {
            value = fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // answered below, naming the setting
        }
        throw new IllegalArgumentException(name + " must be a TCP port from 1 to 65535, not '" + value + "'");
    }

    public NodeOptions withPort(int newPort) {
        return new NodeOptions(payaraJar, webWar, batchWar, newPort, dataDir, settings, jvmOptions, logFile);
    }

    public NodeOptions withDataDir(Path newDataDir) {
        return new NodeOptions(payaraJar, webWar, batchWar, port, newDataDir, settings, jvmOptions, logFile);
    }

    public NodeOptions withLogFile(Path newLogFile) {
        return new NodeOptions(payaraJar, webWar, batchWar, port, dataDir, settings, jvmOptions, newLogFile);
    }

    /** An API node: the web WAR alone, no worker (no risk scans or deliveries competing with its start). */
    public NodeOptions apiOnly() {
        return new NodeOptions(payaraJar, webWar, null, port, dataDir, settings, jvmOptions, logFile);
    }

    /** A worker node: the batch WAR alone, no API. */
    public NodeOptions workerOnly() {
        return new NodeOptions(payaraJar, null, batchWar, port, dataDir, settings, jvmOptions, logFile);
    }

    public NodeOptions withJvmOption(String option) {
        List<String> more = new ArrayList<>(jvmOptions);
        more.add(option);
        return new NodeOptions(payaraJar, webWar, batchWar, port, dataDir, settings, more, logFile);
    }

    /**
     * Remote JMX on 127.0.0.1 at {@code jmxPort}, without authentication: for tests and a developer's own
     * machine only (docs/operations.md shows the production settings).
     */
    public NodeOptions withLocalJmx(int jmxPort) {
        NodeOptions options = this;
        for (String option : List.of("-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort, "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1", "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false")) {
            options = options.withJvmOption(option);
        }
        return options;
    }

    /** The remote JMX port, when {@link #withLocalJmx} turned it on. */
    public Optional<Integer> jmxPort() {
        String prefix = "-Dcom.sun.management.jmxremote.port=";
        return jvmOptions.stream().filter(o -> o.startsWith(prefix))
                .map(o -> Integer.valueOf(o.substring(prefix.length()))).findFirst();
    }

    public NodeOptions withSetting(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(settings);
        more.put(key, value);
        return new NodeOptions(payaraJar, webWar, batchWar, port, dataDir, more, jvmOptions, logFile);
    }
}
