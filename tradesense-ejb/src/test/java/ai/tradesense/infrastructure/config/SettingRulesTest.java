package ai.tradesense.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingRulesTest {

    private static final String SECRET = "dGVzdC1zaWduaW5nLWtleS1mb3ItdHJhZGVzZW5zZS10ZXN0cy1vbmx5LTQ4Ynl0ZXMh";

    private static List<String> check(Map<String, String> settings) {
        return SettingRules.check(settings::get);
    }

    @Test
    void acceptsNoSettingsAtAllAsTheEmbeddedDefaults() {
        assertThat(check(Map.of())).isEmpty();
    }

    @Test
    void acceptsAProductionNodesSettings() {
        assertThat(check(Map.ofEntries(Map.entry("tradesense.http.trusted-proxies", "10.0.0.0/8, ::1"),
                Map.entry("tradesense.worker.settle-seconds", "0")))).isEmpty();
        assertThat(check(Map.of("tradesense.db.url", "jdbc:postgresql://db.internal:5432/tradesense",
                "tradesense.redis.url", "redis://:secret@redis.internal:6379/0",
                "tradesense.security.jwt-secret", SECRET,
                "tradesense.security.jwt-previous-secrets", SECRET + "," + SECRET,
                "tradesense.security.admin.email", "admin@example.com",
                "tradesense.security.admin.password", "a-long-enough-one",
                "tradesense.cors.allowed-origins", "https://app.example.com,http://localhost:3000",
                "tradesense.worker.alert-levels", "80, 95",
                "tradesense.clock.offset", "PT-6H"))).isEmpty();
    }

    @Test
    void acceptsAFailoverListAndAReadReplica() {
        assertThat(check(Map.of("tradesense.db.url",
                "jdbc:postgresql://db1:5432,db2:5432/tradesense?targetServerType=primary",
                "tradesense.db.read-url", "jdbc:postgresql://db-replica:5432/tradesense",
                "tradesense.db.read-max-lag-seconds", "5"))).isEmpty();
    }

    @Test
    void refusesAReadReplicaInEmbeddedMode() {
        assertThat(check(Map.of("tradesense.db.read-url", "jdbc:postgresql://db-replica:5432/tradesense")))
                .singleElement().asString()
                .startsWith("tradesense.db.read-url (TRADESENSE_DB_READ_URL) must be unset in embedded mode");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tradesense.db.read-max-lag-seconds | 0 | a whole number of at least 1",
        "tradesense.security.jwt-secret | not base64!! | base64 of at least 32 bytes",
        "tradesense.security.jwt-secret | c2hvcnQ= | base64 of at least 32 bytes",
        "tradesense.security.jwt-previous-secrets | c2hvcnQ= | comma-separated list of base64 secrets",
        "tradesense.ratelimit.auth-per-ip-per-minute | 0 | a whole number of at least 1",
        "tradesense.http.max-body-bytes | -5 | a whole number of at least 1",
        "tradesense.worker.shard-size | lots | a whole number of at least 1",
        "tradesense.ingestion.writers | 0 | a whole number of at least 1",
        "tradesense.worker.settle-seconds | -1 | a whole number of at least 0",
        "tradesense.redis.url | localhost:6379 | a Redis URL",
        "tradesense.redis.url | http://redis:6379 | a Redis URL",
        "tradesense.redis.url | redis://r1:6379,r2:6379 | (it names 2 hosts",
        "tradesense.redis.url | redis-sentinel://s1:26379,s2:26379 | (it names no master",
        "tradesense.db.url | postgres://db/tradesense | a PostgreSQL JDBC URL",
        "tradesense.cors.allowed-origins | app.example.com | a comma-separated list of origins",
        "tradesense.worker.alert-levels | 80,120 | comma-separated percents from 1 to 100",
        "tradesense.clock.offset | six hours | an ISO-8601 duration",
        "tradesense.security.admin.email | admin | an email address",
        "tradesense.security.admin.password | short | 12 to 128 characters",
        "tradesense.http.trusted-proxies | nginx | comma-separated IP addresses or CIDR blocks",
    })
    void refusesABadValueNamingTheSettingItsVariableAndWhatIsExpected(String key, String value, String expected) {
        List<String> problems = check(Map.of(key, value));

        String variable = key.toUpperCase().replace('.', '_').replace('-', '_');
        assertThat(problems).singleElement().asString().startsWith(key + " (" + variable + ") must be")
                .contains(expected);
    }

    @Test
    void neverRepeatsASecretInItsProblem() {
        assertThat(check(Map.of("tradesense.security.jwt-secret", "not-base64-but-secret")))
                .singleElement().asString().doesNotContain("not-base64-but-secret").contains("(hidden)");
    }

    @Test
    void acceptsARedisClusterOrSentinelSetAndHidesThePasswordOfABadRedisUrl() {
        assertThat(check(Map.of("tradesense.redis.url", "redis-cluster://:pw@r1:6379,r2:6379,r3:6379"))).isEmpty();
        assertThat(check(Map.of("tradesense.redis.url", "rediss-sentinel://:pw@s1,s2,s3/tradesense/0"))).isEmpty();
        assertThat(check(Map.of("tradesense.redis.url", "redis-cluster://:hunter2@r1:6379/4")))
                .singleElement().asString().doesNotContain("hunter2").contains("//(hidden)@r1:6379/4", "database 0 only");
    }

    @Test
    void namesEveryBadSettingAtOnce() {
        assertThat(check(Map.of("tradesense.worker.lease-seconds", "0", "tradesense.redis.timeout-ms", "x")))
                .hasSize(2);
    }
}
