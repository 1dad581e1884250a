package ai.tradesense.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.tradesense.node.Launcher.RunningNode;
import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.TestServices;

/** An acknowledged event survives a kill -9 of the node: what was answered 200 is in PostgreSQL. */
class DurabilityIT {

    private static final Duration BOOT = Duration.ofMinutes(3);
    private static final int EVENTS = 40;

    @Test
    void keepsEveryAcknowledgedEventWhenTheNodeIsKilled() throws Exception {
        TestServices.Database db = TestServices.postgres();
        NodeOptions options = Nodes.runCommandDefaults("durability")
                .withSetting("tradesense.db.url", db.url())
                .withSetting("tradesense.db.user", db.user())
                .withSetting("tradesense.db.password", db.password())
                .withSetting("tradesense.redis.url", TestServices.redis());

        RunningNode first = Launcher.start(options);
        String id;
        try {
            first.awaitReady(BOOT);
            Http http = Accounts.admin(new Http(first.baseUri().resolve("api/v1/")));
            Http platform = Accounts.platform(http);
            var created = http.post("challenges",
                    "{\"planCode\": \"two-step-100k\", \"traderId\": \"durable\", \"startAt\": \"2026-03-02T08:00:00Z\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            id = created.json().getString("id");
            Instant at = Instant.parse("2026-03-02T09:00:00Z");
            for (int i = 0; i < EVENTS / 2; i++) {
                String trade = "k-" + i;
                assertThat(platform.post("challenges/" + id + "/events", """
                        {"type": "TRADE_OPENED", "id": "%s", "at": "%s", "symbol": "EURUSD", "side": "BUY",
                         "volume": 1, "price": 1.1}""".formatted(trade, at.plusSeconds(2L * i))).status()).isEqualTo(200);
                assertThat(platform.post("challenges/" + id + "/events", """
                        {"type": "TRADE_CLOSED", "id": "%s", "at": "%s", "price": 1.1, "profit": 10.01}"""
                        .formatted(trade, at.plusSeconds(2L * i + 1))).status()).isEqualTo(200);
            }
        } finally {
            // SIGKILL: no shutdown hook, no orderly close of the database connections.
            first.process().destroyForcibly().waitFor();
        }

        RunningNode second = Launcher.start(options.withLogFile(options.logFile().resolveSibling("durability-after-kill.log")));
        try {
            second.awaitReady(BOOT);
            Http http = Accounts.admin(new Http(second.baseUri().resolve("api/v1/")));
            JsonObject challenge = http.get("challenges/" + id).json();
            assertThat(challenge.getInt("seq")).isEqualTo(EVENTS);
            assertThat(challenge.getJsonNumber("balance").bigDecimalValue()).isEqualByComparingTo("100200.20");
            assertThat(challenge.getInt("openTrades")).isZero();
            assertThat(http.get("challenges/" + id + "/events?limit=1000").json().getJsonArray("items"))
                    .hasSize(EVENTS);
            assertThat(http.get("challenges/" + id + "/audit/verify").json().getBoolean("valid")).isTrue();
        } finally {
            second.stop();
        }
    }
}
