package ai.tradesense.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PostgreSQL clusters of a test's own, on loopback ports under {@code target/pg-clusters}: a primary made
 * with initdb and streaming replicas of it made with {@code pg_basebackup -R}, started, stopped, killed and
 * promoted with pg_ctl. Run as the {@code postgres} OS user when the tests run as root (PostgreSQL refuses
 * root). Leftovers of an earlier run that died are stopped and removed first.
 */
final class PostgresClusters implements AutoCloseable {

    private static final Path BIN = Path.of(System.getenv().getOrDefault("TRADESENSE_TEST_PG_BIN",
            "/usr/lib/postgresql/15/bin"));
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    /** One cluster: its data folder and port. */
    record Cluster(Path dir, int port) {

        String jdbcUrl(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        }

        Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
        }
    }

    private final Path root;
    private final List<Cluster> clusters = new ArrayList<>();

    PostgresClusters(String name) throws IOException {
        if (!Files.isExecutable(BIN.resolve("pg_basebackup"))) {
            throw new IllegalStateException("no PostgreSQL server binaries in " + BIN
                    + ": install postgresql, or set TRADESENSE_TEST_PG_BIN to the folder of initdb and pg_ctl");
        }
        root = Path.of("target", "pg-clusters", name).toAbsolutePath();
        if (Files.isDirectory(root)) {
            try (Stream<Path> old = Files.list(root)) {
                for (Path dir : old.toList()) {
                    if (Files.exists(dir.resolve("postmaster.pid"))) {
                        pgCtl(dir, "stop", "-m", "immediate");
                    }
                }
            }
            delete(root);
        }
        Files.createDirectories(root);
        own(root.getParent());
        own(root);
    }

    /** A new primary: initdb with trust for local and replication connections, started. */
    Cluster primary(String name) throws IOException {
        Path dir = root.resolve(name);
        run(BIN.resolve("initdb").toString(), "-D", dir.toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--no-sync");
        Cluster cluster = new Cluster(dir, Nodes.freePort());
        clusters.add(cluster);
        start(cluster);
        return cluster;
    }

    /** A streaming replica of {@code primary} (pg_basebackup -R), started. */
    Cluster replicaOf(Cluster primary, String name) throws IOException {
        Path dir = root.resolve(name);
        run(BIN.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", String.valueOf(primary.port()),
                "-U", "postgres", "-D", dir.toString(), "-R", "-X", "stream", "--checkpoint=fast", "--no-sync");
        Cluster cluster = new Cluster(dir, Nodes.freePort());
        clusters.add(cluster);
        start(cluster);
        return cluster;
    }

    void start(Cluster cluster) {
        pgCtl(cluster.dir(), "start", "-w", "-t", "60", "-l", cluster.dir().resolve("server.log").toString(),
                "-o", "-p " + cluster.port() + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                        + " -c fsync=off -c wal_receiver_status_interval=1");
    }

    /** A fast shutdown: sessions are ended, the server stops cleanly. */
    void stop(Cluster cluster) {
        pgCtl(cluster.dir(), "stop", "-w", "-m", "fast");
    }

    /** The server dies as in a crash: no checkpoint, every session cut. */
    void kill(Cluster cluster) {
        pgCtl(cluster.dir(), "stop", "-w", "-m", "immediate");
    }

    /** The replica becomes a primary of its own. */
    void promote(Cluster cluster) {
        pgCtl(cluster.dir(), "promote", "-w", "-t", "60");
    }

    @Override
    public void close() {
        for (Cluster cluster : clusters) {
            if (Files.exists(cluster.dir().resolve("postmaster.pid"))) {
                pgCtl(cluster.dir(), "stop", "-m", "immediate");
            }
        }
        try {
            delete(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pgCtl(Path dir, String... arguments) {
        List<String> command = new ArrayList<>(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.toString()));
        command.addAll(List.of(arguments));
        run(command.toArray(String[]::new));
    }

    private static void run(String... command) {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void own(Path dir) {
        if (ROOT) {
            try {
                Process chown = new ProcessBuilder("chown", "postgres:postgres", dir.toString()).inheritIO().start();
                chown.waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
