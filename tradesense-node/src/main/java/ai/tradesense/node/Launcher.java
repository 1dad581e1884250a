package ai.tradesense.node;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts one Payara Micro node with both WARs and waits until it is ready. {@link #main} is the
 * README's run command (through {@code ./mvnw -Prun}); tests call {@link #start} the same way.
 */
public final class Launcher {

    private static final Logger LOG = Logger.getLogger(Launcher.class.getName());
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    /**
     * On a node with the API, Payara's own metrics endpoint moves aside and tradesense-web answers
     * {@code /metrics} from it with every duration in seconds (docker/payara/pre-boot-commands.asadmin does
     * the same in the API image).
     */
    static final String METRICS_ENDPOINT_MOVED =
            "set configs.config.server-config.microprofile-metrics-configuration.endpoint=payara-metrics";

    private Launcher() {
    }

    private static Path preBootCommands(NodeOptions options) {
        return options.dataDir().toAbsolutePath().resolve("payara-pre-boot-commands.asadmin");
    }

    public static void main(String[] args) throws Exception {
        NodeOptions options;
        try {
            options = NodeOptions.fromSystemProperties();
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage());
            System.exit(2);
            return;
        }
        RunningNode node = start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "tradesense-node-stop"));
        try {
            node.awaitReady(READY_TIMEOUT);
            String mode = System.getenv("TRADESENSE_DB_URL") == null
                    ? "embedded mode, data in " + options.dataDir()
                    : "production mode (TRADESENSE_DB_URL is set)";
            String jmx = options.jmxPort().map(port -> "\n  JMX 127.0.0.1:" + port + " (no authentication:"
                    + " this machine only)").orElse("");
            LOG.log(Level.INFO, "\n\n  TradeSense is ready at {0} ({1})\n  API {0}api/v1/plans  health {0}health"
                    + "  metrics {0}metrics{2}\n  Ctrl-C stops it.\n", new Object[] {node.baseUri(), mode, jmx});
        } catch (IllegalStateException e) {
            LOG.severe(e.getMessage());
            node.stop();
            System.exit(1);
        }
        System.exit(node.process().waitFor());
    }

    /** Starts a node; it is not ready yet when this returns: call {@link RunningNode#awaitReady}. */
    public static RunningNode start(NodeOptions options) throws IOException {
        List<Path> wars = new ArrayList<>();
        if (options.webWar() != null) {
            wars.add(options.webWar());
        }
        if (options.batchWar() != null) {
            wars.add(options.batchWar());
        }
        if (wars.isEmpty()) {
            throw new IllegalStateException("a node needs the web WAR, the batch WAR or both");
        }
        wars.add(options.payaraJar());
        for (Path required : wars) {
            if (!Files.isRegularFile(required)) {
                throw new IllegalStateException(required + " is missing: build first (./mvnw -Prun builds and runs)");
            }
        }
        Files.createDirectories(options.dataDir());
        if (options.webWar() != null) {
            Files.writeString(preBootCommands(options), METRICS_ENDPOINT_MOVED + "\n");
        }
        ProcessBuilder builder = new ProcessBuilder(command(options));
        builder.redirectErrorStream(true);
        if (options.logFile() == null) {
            builder.inheritIO();
        } else {
            Files.createDirectories(options.logFile().toAbsolutePath().getParent());
            builder.redirectOutput(options.logFile().toFile());
        }
        Process process = builder.start();
        return new RunningNode(process, URI.create("http://localhost:" + options.port() + "/"), options.logFile());
    }

    static List<String> command(NodeOptions options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.jvmOptions());
        command.add("-Dtradesense.data.dir=" + options.dataDir().toAbsolutePath());
        for (Map.Entry<String, String> setting : options.settings().entrySet()) {
            command.add("-D" + setting.getKey() + "=" + setting.getValue());
        }
        command.addAll(List.of("-jar", options.payaraJar().toString(),
                "--nocluster",
                "--port", Integer.toString(options.port())));
        if (options.webWar() != null) {
            command.addAll(List.of("--prebootcommandfile", preBootCommands(options).toString()));
            command.addAll(List.of("--deploy", options.webWar() + ":/"));
        }
        if (options.batchWar() != null) {
            command.addAll(List.of("--deploy", options.batchWar() + ":/worker"));
        }
        return command;
    }

    /** A started node process. */
    public record RunningNode(Process process, URI baseUri, Path logFile) {

        /** Polls {@code /health/ready} until it answers 200; fails early if the process dies. */
        public void awaitReady(Duration timeout) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the node exited with code " + process.exitValue()
                            + " before it was ready" + (logFile == null ? "" : "; see " + logFile));
                }
                try {
                    HttpResponse<Void> response = http.send(
                            HttpRequest.newBuilder(baseUri.resolve("health/ready"))
                                    .timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    LOG.log(Level.FINEST, "not answering yet", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the node", e);
                }
                pause(Duration.ofMillis(500));
            }
            throw new IllegalStateException("the node was not ready within " + timeout.toSeconds() + " s"
                    + (logFile == null ? "" : "; see " + logFile));
        }

        /** Stops the node gracefully, or forcibly after 30 seconds. */
        public void stop() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private static void pause(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the node", e);
            }
        }
    }
}
