package ai.tradesense.node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Options for system-test nodes: the run command's defaults, on a free port with their own data. */
final class Nodes {

    private Nodes() {
    }

    /** What {@code ./mvnw -Prun} starts, moved to a free port, a fresh data folder and a log file. */
    static NodeOptions runCommandDefaults(String name) throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        System.setProperty("tradesense.project.dir", target.getParent().getParent().toString());
        Path work = Files.createDirectories(target.resolve("system-tests"));
        return NodeOptions.fromSystemProperties()
                .withPort(freePort())
                .withDataDir(Files.createTempDirectory(work, name + "-data-"))
                .withLogFile(work.resolve(name + "-" + System.currentTimeMillis() + ".log"));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
