package ai.tradesense.node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.tradesense.testsupport.Accounts;

/** Options for system-test nodes: the run command's defaults, on a free port with their own data. */
public final class Nodes {

    private Nodes() {
    }

    /** What {@code ./mvnw -Prun} starts, moved to a free port, a fresh data folder and a log file. */
    public static NodeOptions runCommandDefaults(String name) throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        System.setProperty("tradesense.project.dir", target.getParent().getParent().toString());
        Path work = Files.createDirectories(target.resolve("system-tests"));
        NodeOptions options = NodeOptions.fromSystemProperties()
                .withPort(freePort())
                .withDataDir(Files.createTempDirectory(work, name + "-data-"))
                .withLogFile(work.resolve(name + "-" + System.currentTimeMillis() + ".log"));
        for (var setting : Accounts.settings().entrySet()) {
            options = options.withSetting(setting.getKey(), setting.getValue());
        }
        return options;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
