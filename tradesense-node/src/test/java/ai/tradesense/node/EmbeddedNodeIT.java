package ai.tradesense.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.tradesense.node.Launcher.RunningNode;
import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.Plans;

/**
 * The README's run command, black-box: a node in embedded mode (no database or Redis to install)
 * becomes ready, serves health, metrics and plans, and keeps its data across a restart.
 */
class EmbeddedNodeIT {

    private static final Duration BOOT = Duration.ofMinutes(3);

    @Test
    void runsInEmbeddedModeAndKeepsItsDataAcrossRestarts() throws Exception {
        NodeOptions options = Nodes.runCommandDefaults("embedded");
        String code = Plans.uniqueCode("embedded");

        RunningNode first = Launcher.start(options);
        try {
            first.awaitReady(BOOT);
            Http http = new Http(first.baseUri());
            String atStart = http.get("metrics").body();
            assertThat(atStart).as("the response-time series exist at 0 before the first call")
                    .containsPattern("(?m)^api_response_duration_seconds_count\\{method=\"POST\",[^}]*status=\"2xx\"\\} 0(\\.0)?$");
            assertThat(atStart).as("every TradeSense metric exists from start-up").contains("ingestion_requests_total",
                    "ingestion_commits_total", "engine_events_applied_total", "websocket_connections_active",
                    "database_connection_pool_usage", "redis_memory_usage_bytes", "worker_queue_length",
                    "worker_lag_seconds", "worker_cycle_duration_seconds");
            Http api = Accounts.admin(new Http(first.baseUri().resolve("api/v1/")));

            var ready = http.get("health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.body()).contains("embedded (H2)", "in-process stand-in");

            var created = api.post("plans", Plans.twoStep(code));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(api.get("plans/" + code).json().getInt("version")).isEqualTo(1);
            assertThat(api.anonymous().get("plans/" + code).status()).isEqualTo(401);

            String metrics = http.get("metrics").body();
            assertThat(metrics).contains("api_response_duration_seconds_count", "websocket_connections_active",
                    "database_connection_pool_usage", "redis_memory_usage_bytes", "worker_queue_length");
            Metrics.assertReadAsPrometheusWould(metrics);

            assertApiErrorsAreProblems(http, api);

            assertThat(http.get("health/live").status()).isEqualTo(200);
            String log = Files.readString(options.logFile());
            assertThat(log).as("the loud start-up line").contains("TradeSense is running in EMBEDDED MODE");
            assertThat(log).as("the worker WAR deployed and started").contains("TradeSense worker module started");
        } finally {
            first.stop();
        }
        assertThat(first.process().isAlive()).isFalse();
        assertThat(Launcher.command(options)).contains("--deploy", options.batchWar() + ":/worker");

        RunningNode second = Launcher.start(options.withLogFile(options.logFile().resolveSibling("embedded-restart.log")));
        try {
            second.awaitReady(BOOT);
            JsonObject plan = Accounts.admin(new Http(second.baseUri().resolve("api/v1/"))).get("plans/" + code).json();
            assertThat(plan.getString("code")).isEqualTo(code);
            assertThat(plan.getJsonObject("definition").getJsonObject("dayBoundary").getString("zone"))
                    .isEqualTo("Europe/Prague");
        } finally {
            second.stop();
        }
    }

    @Test
    void refusesToStartWithAMalformedSettingNamingIt() throws Exception {
        NodeOptions options = Nodes.runCommandDefaults("bad-setting")
                .withSetting("tradesense.security.jwt-secret", "this is not base64")
                .withSetting("tradesense.worker.shard-size", "0");

        RunningNode node = Launcher.start(options);
        try {
            assertThat(node.process().waitFor(BOOT.toSeconds(), TimeUnit.SECONDS)).as("the node stopped by itself").isTrue();
            assertThat(node.process().exitValue()).isNotZero();
            String log = Files.readString(options.logFile());
            assertThat(log).contains("TradeSense cannot start: tradesense.security.jwt-secret"
                    + " (TRADESENSE_SECURITY_JWT_SECRET) must be base64 of at least 32 bytes");
            assertThat(log).contains("TradeSense cannot start: tradesense.worker.shard-size"
                    + " (TRADESENSE_WORKER_SHARD_SIZE) must be a whole number of at least 1, not '0'");
            assertThat(log).doesNotContain("this is not base64").doesNotContain("TradeSense is running in");
        } finally {
            node.stop();
        }
    }

    /** Unknown paths, methods and media types under /api answer problem+json, never an HTML page. */
    private static void assertApiErrorsAreProblems(Http http, Http api) {
        assertProblem(http.get("api/nothing-here"), 404);
        assertProblem(http.get("api/v2/plans"), 404);
        assertProblem(http.delete("api"), 404);
        assertProblem(api.get("no-such-resource"), 404);
        assertProblem(api.put("plans", "{}"), 405);
        assertProblem(api.send(HttpRequest.newBuilder(api.base().resolve("plans")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x"))), 415);
        assertProblem(api.post("plans", "[".repeat(1_200) + "]".repeat(1_200)), 400);
    }

    private static void assertProblem(Http.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        assertThat(answer.json().getInt("status")).isEqualTo(status);
    }
}
