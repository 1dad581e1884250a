package ai.tradesense.infrastructure.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import ai.tradesense.infrastructure.redis.RedisTopology;

/**
 * What every TradeSense setting must be, checked at start-up so a bad value stops the node with a line
 * that names it, rather than a node that reports ready and fails the first request that reads it. An
 * empty value means "not set" wherever the setting is optional.
 */
public final class SettingRules {

    /** A signing secret: base64 of at least this many bytes (HS256 wants 256 bits). */
    public static final int MIN_SECRET_BYTES = 32;

    private final UnaryOperator<String> settings;
    private final List<String> problems = new ArrayList<>();

    private SettingRules(UnaryOperator<String> settings) {
        this.settings = settings;
    }

    /**
     * The problems of the settings {@code settings} gives (a key to its value, null when unset), one line
     * each, naming the setting, its environment variable and what is expected; empty when all are fine.
     */
    public static List<String> check(UnaryOperator<String> settings) {
        SettingRules rules = new SettingRules(settings);
        rules.checkAll();
        return List.copyOf(rules.problems);
    }

    private void checkAll() {
        jdbcUrl("tradesense.db.url");
        jdbcUrl(DatabaseSettings.READ_URL);
        replicaNeedsPrimary();
        positive(DatabaseSettings.READ_MAX_LAG);
        redisUrl("tradesense.redis.url");
        positive("tradesense.redis.timeout-ms");
        positive("tradesense.redis.request-timeout-ms");
        notBlank("tradesense.data.dir");
        secret("tradesense.security.jwt-secret");
        secrets("tradesense.security.jwt-previous-secrets");
        positive("tradesense.security.access-token-minutes");
        positive("tradesense.security.refresh-token-days");
        email("tradesense.security.admin.email");
        password("tradesense.security.admin.password");
        positive("tradesense.ratelimit.api-per-caller-per-minute");
        positive("tradesense.ratelimit.auth-per-email-per-minute");
        positive("tradesense.ratelimit.auth-per-ip-per-minute");
        positive("tradesense.ratelimit.platform-per-minute");
        positive("tradesense.ratelimit.bridge-per-minute");
        positive("tradesense.http.max-body-bytes");
        positive("tradesense.http.max-simulation-body-bytes");
        origins("tradesense.cors.allowed-origins");
        addressBlocks("tradesense.http.trusted-proxies");
        positive("tradesense.ingestion.writers");
        positive("tradesense.worker.shard-size");
        positive("tradesense.worker.lease-seconds");
        positive("tradesense.worker.cycle-timeout-minutes");
        atLeastZero("tradesense.worker.settle-seconds");
        positive("tradesense.worker.snapshot-batch");
        positive("tradesense.payouts.approvals");
        positive("tradesense.worker.stale-feed-minutes");
        percents("tradesense.worker.alert-levels");
        positive("tradesense.retention.acknowledged-alert-days");
        positive("tradesense.retention.refresh-token-days");
        duration("tradesense.clock.offset");
        positive("tradesense.webhooks.max-attempts");
        positive("tradesense.webhooks.base-delay-seconds");
        positive("tradesense.webhooks.max-delay-seconds");
        positive("tradesense.webhooks.connect-timeout-ms");
        positive("tradesense.webhooks.request-timeout-ms");
        positive("tradesense.webhooks.claim-seconds");
        atLeastZero("tradesense.webhooks.secret-grace-hours");
    }

    private String value(String key) {
        String value = settings.apply(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void problem(String key, String expected, String value) {
        String env = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        String shown = key.contains("secret") || key.contains("password") ? "(hidden)" : "'" + value + "'";
        problems.add(key + " (" + env + ") must be " + expected + ", not " + shown);
    }

    private void positive(String key) {
        integer(key, 1, "a whole number of at least 1");
    }

    private void atLeastZero(String key) {
        integer(key, 0, "a whole number of at least 0");
    }

    private void integer(String key, long min, String expected) {
        String value = value(key);
        if (value == null) {
            return;
        }
        try {
            if (Long.parseLong(value) < min) {
                problem(key, expected, value);
            }
        } catch (NumberFormatException e) {
            problem(key, expected, value);
        }
    }

    private void notBlank(String key) {
        String value = settings.apply(key);
        if (value != null && value.isBlank()) {
            problem(key, "a folder path", value);
        }
    }

    private void secret(String key) {
        String value = value(key);
        if (value != null && !isSecret(value)) {
            problem(key, "base64 of at least " + MIN_SECRET_BYTES + " bytes (e.g. openssl rand -base64 48)", value);
        }
    }

    private void secrets(String key) {
        String value = value(key);
        if (value == null) {
            return;
        }
        for (String one : value.split(",")) {
            if (!one.isBlank() && !isSecret(one.strip())) {
                problem(key, "a comma-separated list of base64 secrets of at least " + MIN_SECRET_BYTES + " bytes",
                        value);
                return;
            }
        }
    }

    private static boolean isSecret(String value) {
        try {
            return Base64.getDecoder().decode(value).length >= MIN_SECRET_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void email(String key) {
        String value = value(key);
        if (value != null && (value.length() > 254 || !value.matches("[^@\\s]+@[^@\\s]+"))) {
            problem(key, "an email address", value);
        }
    }

    private void password(String key) {
        String value = settings.apply(key);
        if (value != null && !value.isEmpty() && (value.length() < 12 || value.length() > 128)) {
            problem(key, "12 to 128 characters", value);
        }
    }

    private void jdbcUrl(String key) {
        String value = value(key);
        if (value != null && !(value.startsWith("jdbc:postgresql:") && uri(value.substring("jdbc:".length())) != null)) {
            problem(key, "a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/tradesense", value);
        }
    }

    /** A replica is of a PostgreSQL primary: the embedded H2 file has none. */
    private void replicaNeedsPrimary() {
        String replica = value(DatabaseSettings.READ_URL);
        if (replica != null && value(DatabaseSettings.URL) == null) {
            problem(DatabaseSettings.READ_URL, "unset in embedded mode (H2 has no replica; set tradesense.db.url to"
                    + " the PostgreSQL primary first)", replica);
        }
    }

    /** One Redis, a Cluster or a Sentinel set ({@link RedisTopology}); the problem hides the URL's password. */
    private void redisUrl(String key) {
        String value = value(key);
        if (value == null) {
            return;
        }
        try {
            RedisTopology.parse(value);
        } catch (IllegalArgumentException e) {
            problem(key, RedisTopology.EXPECTED + " (" + e.getMessage() + ")", RedisTopology.redacted(value));
        }
    }

    private void origins(String key) {
        String value = value(key);
        if (value == null) {
            return;
        }
        for (String origin : value.split(",")) {
            URI uri = uri(origin.strip());
            if (uri == null || uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                    || (uri.getPath() != null && !uri.getPath().isEmpty())) {
                problem(key, "a comma-separated list of origins such as https://app.example.com", value);
                return;
            }
        }
    }

    private void addressBlocks(String key) {
        String value = value(key);
        if (value == null) {
            return;
        }
        for (String entry : value.split(",")) {
            if (!entry.isBlank() && !entry.strip().matches("[0-9a-fA-F:.]+(/\\d{1,3})?")) {
                problem(key, "comma-separated IP addresses or CIDR blocks such as 10.0.0.0/8", value);
                return;
            }
        }
    }

    private void percents(String key) {
        String value = value(key);
        if (value == null) {
            return;
        }
        try {
            for (String level : value.split(",")) {
                int percent = Integer.parseInt(level.strip());
                if (percent < 1 || percent > 100) {
                    problem(key, "comma-separated percents from 1 to 100", value);
                    return;
                }
            }
        } catch (NumberFormatException e) {
            problem(key, "comma-separated percents from 1 to 100", value);
        }
    }

    private void duration(String key) {
        String value = value(key);
        if (value == null) {
            return;
        }
        try {
            Duration.parse(value);
        } catch (DateTimeParseException e) {
            problem(key, "an ISO-8601 duration such as PT-6H", value);
        }
    }

    private static URI uri(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() == null ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
