package ai.tradesense.infrastructure.redis;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import redis.clients.jedis.HostAndPort;

/**
 * What {@code tradesense.redis.url} names: one Redis ({@code redis://[[user]:password@]host:port[/db]}), a
 * Redis Cluster ({@code redis-cluster://[[user]:password@]host:port,host:port,...}, any of its nodes; the
 * others are found from them) or a primary watched by Sentinel
 * ({@code redis-sentinel://[[user]:password@]sentinel:port,sentinel:port,.../master-name[/db]}, the
 * credentials being the data nodes'; sentinels that want their own take {@code ?sentinelUser=&sentinelPassword=}).
 * An {@code s} after {@code redis} ({@code rediss://}, {@code rediss-cluster://}, {@code rediss-sentinel://})
 * asks for TLS. A port left out is 6379 (26379 for a sentinel); user and password are percent-decoded.
 */
public record RedisTopology(Kind kind, List<HostAndPort> nodes, Optional<String> user, Optional<String> password,
        int database, boolean ssl, Optional<String> masterName, Optional<String> sentinelUser,
        Optional<String> sentinelPassword) {

    /** How the nodes are reached: Jedis's RedisClient, RedisClusterClient or RedisSentinelClient. */
    public enum Kind { STANDALONE, CLUSTER, SENTINEL }

    /** The syntax, for messages that refuse a URL. */
    public static final String EXPECTED = "a Redis URL: redis://:password@redis:6379/0, "
            + "redis-cluster://:password@node1:6379,node2:6379,node3:6379 or "
            + "redis-sentinel://:password@sentinel1:26379,sentinel2:26379,sentinel3:26379/mymaster/0 "
            + "(rediss... for TLS)";

    private static final int DEFAULT_PORT = 6379;
    private static final int DEFAULT_SENTINEL_PORT = 26379;

    public RedisTopology {
        nodes = List.copyOf(nodes);
    }

    /** Reads a URL; an IllegalArgumentException says what is wrong with it, without repeating a password. */
    public static RedisTopology parse(String url) {
        String text = url.strip();
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException("it has no scheme");
        }
        String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        Kind kind = switch (scheme) {
            case "redis", "rediss" -> Kind.STANDALONE;
            case "redis-cluster", "rediss-cluster" -> Kind.CLUSTER;
            case "redis-sentinel", "rediss-sentinel" -> Kind.SENTINEL;
            default -> throw new IllegalArgumentException("its scheme is " + scheme);
        };
        String rest = text.substring(schemeEnd + 3);
        Map<String, String> query = new LinkedHashMap<>();
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = query(rest.substring(question + 1));
            rest = rest.substring(0, question);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        List<String> path = slash < 0 ? List.of() : segments(rest.substring(slash + 1));
        int at = authority.lastIndexOf('@');
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = nonEmpty(decode(colon < 0 ? "" : userInfo.substring(0, colon)));
            password = nonEmpty(decode(colon < 0 ? userInfo : userInfo.substring(colon + 1)));
        }
        List<HostAndPort> nodes = nodes(authority, kind == Kind.SENTINEL ? DEFAULT_SENTINEL_PORT : DEFAULT_PORT);
        boolean ssl = scheme.startsWith("rediss");
        Optional<String> masterName = Optional.empty();
        int database = 0;
        switch (kind) {
            case STANDALONE -> {
                one(nodes, "one host:port (a Cluster is redis-cluster://, a Sentinel set redis-sentinel://)");
                database = database(path, 0);
            }
            case CLUSTER -> {
                if (!path.isEmpty() && !(path.size() == 1 && path.get(0).equals("0"))) {
                    throw new IllegalArgumentException("a Redis Cluster has database 0 only, so it takes no /database");
                }
            }
            case SENTINEL -> {
                if (path.isEmpty()) {
                    throw new IllegalArgumentException("it names no master: redis-sentinel://sentinels/<master-name>");
                }
                masterName = Optional.of(path.get(0));
                database = database(path, 1);
            }
        }
        Optional<String> sentinelUser = Optional.ofNullable(query.remove("sentinelUser")).flatMap(RedisTopology::nonEmpty);
        Optional<String> sentinelPassword = Optional.ofNullable(query.remove("sentinelPassword"))
                .flatMap(RedisTopology::nonEmpty);
        if (kind != Kind.SENTINEL && (sentinelUser.isPresent() || sentinelPassword.isPresent())) {
            throw new IllegalArgumentException("sentinelUser and sentinelPassword belong to a redis-sentinel:// URL");
        }
        if (!query.isEmpty()) {
            throw new IllegalArgumentException("it has unknown parameters " + query.keySet());
        }
        return new RedisTopology(kind, nodes, user, password, database, ssl, masterName, sentinelUser, sentinelPassword);
    }

    /** The URL as a message may show it: user info and a sentinel password replaced by {@code (hidden)}. */
    public static String redacted(String url) {
        return url.replaceFirst("//.*@", "//(hidden)@").replaceAll("(?i)(sentinelPassword=)[^&]*", "$1(hidden)");
    }

    /** For logs and messages: the kind and the nodes, never a password. */
    public String describe() {
        String hosts = nodes.stream().map(node -> (node.getHost().contains(":") ? "[" + node.getHost() + "]"
                : node.getHost()) + ":" + node.getPort()).collect(Collectors.joining(","));
        return switch (kind) {
            case STANDALONE -> hosts;
            case CLUSTER -> "Redis Cluster " + hosts;
            case SENTINEL -> "master " + masterName.orElseThrow() + " of Sentinel " + hosts;
        };
    }

    private static List<HostAndPort> nodes(String authority, int defaultPort) {
        List<HostAndPort> nodes = new ArrayList<>();
        for (String node : authority.split(",", -1)) {
            nodes.add(node(node.strip(), defaultPort));
        }
        return nodes;
    }

    /** {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}. */
    private static HostAndPort node(String node, int defaultPort) {
        String host = node;
        String port = null;
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("a host in it is not host:port");
            }
            host = node.substring(1, close);
            String after = node.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new IllegalArgumentException("a host in it is not host:port");
                }
                port = after.substring(1);
            }
        } else if (node.indexOf(':') >= 0) {
            host = node.substring(0, node.indexOf(':'));
            port = node.substring(node.indexOf(':') + 1);
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._:%-]+")) {
            throw new IllegalArgumentException("a host in it is empty or not a host name");
        }
        return new HostAndPort(host, port == null ? defaultPort : port(port));
    }

    private static int port(String port) {
        try {
            int value = Integer.parseInt(port);
            if (value >= 1 && value <= 65_535) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("a port in it is not a number from 1 to 65535");
    }

    private static void one(List<HostAndPort> nodes, String expected) {
        if (nodes.size() != 1) {
            throw new IllegalArgumentException("it names " + nodes.size() + " hosts where redis:// takes " + expected);
        }
    }

    private static int database(List<String> path, int index) {
        if (path.size() > index + 1) {
            throw new IllegalArgumentException("its path has more parts than expected");
        }
        if (path.size() <= index) {
            return 0;
        }
        try {
            int database = Integer.parseInt(path.get(index));
            if (database >= 0) {
                return database;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("its database is not a number of at least 0");
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(decode(segment));
            }
        }
        return segments;
    }

    private static Map<String, String> query(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                parameters.put(decode(equals < 0 ? pair : pair.substring(0, equals)),
                        equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return parameters;
    }

    /** Percent-decoding only: a '+' stays a '+', as in a URI's user info. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("it has a bad percent-escape");
        }
    }

    private static Optional<String> nonEmpty(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
