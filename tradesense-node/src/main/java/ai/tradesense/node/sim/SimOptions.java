package ai.tradesense.node.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The simulator's command line, {@code --name value} pairs; see {@link BridgeSimulator}. */
record SimOptions(String url, Optional<String> key, Optional<String> token, Optional<String> email,
                  Optional<String> password, Optional<Path> ids, String plan, int accounts, int rate,
                  Duration duration, int batch, int lanes, double breachShare, long seed) {

    private static final Set<String> NAMES = Set.of("url", "key", "token", "email", "password", "ids", "plan",
            "accounts", "rate", "duration", "batch", "lanes", "breach-share", "seed");

    static SimOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !NAMES.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option " + args[i] + "; options: " + NAMES);
            }
            given.put(name, args[++i]);
        }
        SimOptions options = new SimOptions(given.getOrDefault("url", "http://localhost:8080"),
                Optional.ofNullable(given.get("key")), Optional.ofNullable(given.get("token")),
                Optional.ofNullable(given.get("email")), Optional.ofNullable(given.get("password")),
                Optional.ofNullable(given.get("ids")).map(Path::of), given.getOrDefault("plan", "two-step-100k"),
                positive(given, "accounts", 100), positive(given, "rate", 1000),
                Duration.ofSeconds(positive(given, "duration", 30)), positive(given, "batch", 100),
                positive(given, "lanes", 8), Double.parseDouble(given.getOrDefault("breach-share", "0.1")),
                Long.parseLong(given.getOrDefault("seed", "1")));
        if (options.breachShare < 0 || options.breachShare > 1) {
            throw new IllegalArgumentException("--breach-share must be between 0 and 1");
        }
        if (options.batch > 10_000) {
            throw new IllegalArgumentException("--batch must be at most 10000 (the bridge's limit)");
        }
        return options;
    }

    private static int positive(Map<String, String> given, String name, int fallback) {
        int value = Integer.parseInt(given.getOrDefault(name, Integer.toString(fallback)));
        if (value <= 0) {
            throw new IllegalArgumentException("--" + name + " must be greater than 0");
        }
        return value;
    }
}
