package ai.tradesense.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Real Redis topologies for tests, started from this machine's {@code redis-server} (Debian's redis-server
 * package; {@code .ci/run} has it) on free loopback ports: a Redis Cluster of three masters, or a Sentinel
 * set (a master, a replica and three sentinels) that a test can make fail over. Every data node asks for
 * {@link #PASSWORD}; the sentinels ask for none. Each server is a child process of the test, in a folder of
 * its own under {@code target/redis-servers}; {@link #close()} ends them, and servers that a run which
 * died left behind are ended, by the pids they wrote, when the next one starts.
 */
public final class RedisServers implements AutoCloseable {

    public static final String PASSWORD = "topology-secret";
    public static final String MASTER_NAME = "tradesense";
    private static final Duration START = Duration.ofSeconds(30);
    private static final Path ROOT = Path.of("target", "redis-servers").toAbsolutePath();
    /** Folders of the sets this JVM has open: the leftover sweep leaves them alone. */
    private static final Set<Path> OPEN = new HashSet<>();
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private final String kind;
    private final Path folder;
    /** Each server by its port, in start order. */
    private final Map<Integer, Process> servers = new LinkedHashMap<>();
    private final List<HostAndPort> dataNodes = new ArrayList<>();
    private final List<HostAndPort> sentinels = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::close, "redis-servers-shutdown");

    private RedisServers(String kind) throws IOException {
        this.kind = kind;
        synchronized (OPEN) {
            endLeftovers();
            Files.createDirectories(ROOT);
            folder = Files.createTempDirectory(ROOT, kind + "-");
            OPEN.add(folder);
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Three masters, every slot covered, {@code cluster_state:ok} on each. */
    public static RedisServers cluster() throws IOException {
        RedisServers set = new RedisServers("cluster");
        try {
            for (int i = 0; i < 3; i++) {
                int port = freePort();
                set.start(port, "--cluster-enabled", "yes", "--cluster-port", Integer.toString(freePort()),
                        "--cluster-config-file", set.folder.resolve("nodes-" + port + ".conf").toString(),
                        "--requirepass", PASSWORD, "--masterauth", PASSWORD);
                set.dataNodes.add(new HostAndPort("127.0.0.1", port));
            }
            for (HostAndPort node : set.dataNodes) {
                set.awaitPong(node, PASSWORD);
            }
            List<String> create = new ArrayList<>(List.of("redis-cli", "-a", PASSWORD, "--no-auth-warning", "--cluster",
                    "create"));
            set.dataNodes.forEach(node -> create.add(node.toString()));
            create.add("--cluster-yes");
            set.run(create, "cluster-create.log");
            await("the Redis Cluster's state ok on every node", () -> set.dataNodes.stream().allMatch(node ->
                    set.ask(node, PASSWORD, jedis -> jedis.clusterInfo().contains("cluster_state:ok"))));
            return set;
        } catch (IOException | RuntimeException e) {
            set.close();
            throw e;
        }
    }

    /** A master and its replica, watched by three sentinels (quorum 2) that declare a silent master down after 1 s. */
    public static RedisServers sentinel() throws IOException {
        RedisServers set = new RedisServers("sentinel");
        try {
            int master = freePort();
            int replica = freePort();
            set.start(master, "--requirepass", PASSWORD, "--masterauth", PASSWORD);
            set.start(replica, "--requirepass", PASSWORD, "--masterauth", PASSWORD, "--replicaof", "127.0.0.1",
                    Integer.toString(master));
            set.dataNodes.add(new HostAndPort("127.0.0.1", master));
            set.dataNodes.add(new HostAndPort("127.0.0.1", replica));
            await("the replica in sync with its master", () -> set.ask(set.dataNodes.get(1), PASSWORD,
                    jedis -> jedis.info("replication").contains("master_link_status:up")));
            for (int i = 0; i < 3; i++) {
                int port = freePort();
                Path config = set.folder.resolve("sentinel-" + port + ".conf");
                Files.writeString(config, String.join("\n",
                        "port " + port,
                        "bind 127.0.0.1",
                        "dir " + set.folder,
                        "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master + " 2",
                        "sentinel auth-pass " + MASTER_NAME + " " + PASSWORD,
                        "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                        "sentinel failover-timeout " + MASTER_NAME + " 10000",
                        "sentinel parallel-syncs " + MASTER_NAME + " 1", ""));
                set.start(port, config.toString(), "--sentinel");
                set.sentinels.add(new HostAndPort("127.0.0.1", port));
            }
            // Before a failover can happen, every sentinel must know the replica and the other sentinels.
            await("three sentinels that can fail the master over", () -> set.sentinels.stream().allMatch(sentinel ->
                    set.ask(sentinel, null, jedis -> jedis.sentinelSentinels(MASTER_NAME).size() == 2
                            && jedis.sentinelReplicas(MASTER_NAME).stream()
                                    .anyMatch(known -> "slave".equals(known.get("flags"))))));
            return set;
        } catch (IOException | RuntimeException e) {
            set.close();
            throw e;
        }
    }

    /**
     * The URL a TradeSense node is given: {@code redis-cluster://:password@node,node,node} or
     * {@code redis-sentinel://:password@sentinel,sentinel,sentinel/master-name}.
     */
    public String url() {
        List<HostAndPort> entry = kind.equals("cluster") ? dataNodes : sentinels;
        return "redis-" + kind + "://:" + PASSWORD + "@" + entry.stream().map(HostAndPort::toString)
                .collect(Collectors.joining(",")) + (kind.equals("cluster") ? "" : "/" + MASTER_NAME);
    }

    /** The cluster's masters, or the sentinel set's master and replica as they were started. */
    public List<HostAndPort> dataNodes() {
        return List.copyOf(dataNodes);
    }

    /** The master the sentinels name now. */
    public HostAndPort master() {
        for (HostAndPort sentinel : sentinels) {
            try (Jedis jedis = jedis(sentinel, null)) {
                List<String> address = jedis.sentinelGetMasterAddrByName(MASTER_NAME);
                return new HostAndPort(address.get(0), Integer.parseInt(address.get(1)));
            } catch (JedisException e) {
                // try the next sentinel
            }
        }
        throw new IllegalStateException("no sentinel answers");
    }

    /**
     * Kills the master (SIGKILL, as a crashed machine) and waits until the sentinels have promoted the
     * replica and it answers as the master; answers the new master.
     */
    public HostAndPort killMaster() {
        HostAndPort old = master();
        Process process = servers.remove(old.getPort());
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(folder.resolve(old.getPort() + ".pid"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HostAndPort[] promoted = new HostAndPort[1];
        await("the sentinels promote the replica", () -> {
            promoted[0] = master();
            return !promoted[0].equals(old) && ask(promoted[0], PASSWORD,
                    jedis -> jedis.info("replication").contains("role:master"));
        });
        return promoted[0];
    }

    /** A connection to one node (null password for a sentinel); the caller closes it. */
    public static Jedis jedis(HostAndPort node, String password) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().timeoutMillis(2_000);
        if (password != null) {
            config.password(password);
        }
        return new Jedis(node, config.build());
    }

    @Override
    public void close() {
        for (Process process : servers.values()) {
            process.destroyForcibly();
        }
        for (Process process : servers.values()) {
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        servers.clear();
        deleteFolder(folder);
        synchronized (OPEN) {
            OPEN.remove(folder);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // closing from the hook itself, as the JVM exits
        }
    }

    private void start(int port, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("redis-server");
        boolean sentinel = List.of(arguments).contains("--sentinel");
        if (sentinel) {
            command.add(arguments[0]);
            command.add("--sentinel");
        } else {
            command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                    "--appendonly", "no", "--daemonize", "no", "--dir", folder.toString()));
            command.addAll(List.of(arguments));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(folder.resolve(port + ".log").toFile()).start();
        } catch (IOException e) {
            throw new IOException("redis-server could not be started (" + e.getMessage() + "): these tests need "
                    + "Redis 7 installed (Debian: apt-get install redis-server)", e);
        }
        servers.put(port, process);
        Files.writeString(folder.resolve(port + ".pid"), Long.toString(process.pid()));
    }

    private void awaitPong(HostAndPort node, String password) {
        await("redis-server on " + node, () -> ask(node, password, jedis -> "PONG".equals(jedis.ping())));
    }

    private void run(List<String> command, String log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve(log).toFile()).start();
        try {
            if (!process.waitFor(START.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command).replace(PASSWORD, "(hidden)")
                        + " failed: " + Files.readString(folder.resolve(log)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True when the node answers and {@code check} holds; a node that does not answer yet is false. */
    private boolean ask(HostAndPort node, String password, Predicate<Jedis> check) {
        for (Process process : servers.values()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("a redis-server of " + folder + " exited; see its log there");
            }
        }
        try (Jedis jedis = jedis(node, password)) {
            return check.test(jedis);
        } catch (JedisException e) {
            return false;
        }
    }

    private static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + START.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": not within " + START.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Ends the servers of earlier runs that never closed theirs, by the pids they wrote, if still redis-server. */
    private static void endLeftovers() throws IOException {
        if (!Files.isDirectory(ROOT)) {
            return;
        }
        try (Stream<Path> folders = Files.list(ROOT)) {
            for (Path old : folders.filter(path -> !OPEN.contains(path)).toList()) {
                try (Stream<Path> pids = Files.list(old)) {
                    for (Path pid : pids.filter(path -> path.toString().endsWith(".pid")).toList()) {
                        ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
                                .filter(handle -> handle.info().command().map(c -> c.contains("redis")).orElse(false))
                                .ifPresent(ProcessHandle::destroyForcibly);
                    }
                }
                deleteFolder(old);
            }
        }
    }

    private static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a file a dying server still writes: the next sweep takes the folder
        }
    }

    /** A loopback port free now and not handed to another server of this JVM's sets. */
    private static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                synchronized (HANDED_OUT) {
                    if (HANDED_OUT.add(socket.getLocalPort())) {
                        return socket.getLocalPort();
                    }
                }
            }
        }
    }
}
