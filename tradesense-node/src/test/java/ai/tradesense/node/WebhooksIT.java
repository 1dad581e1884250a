package ai.tradesense.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.tradesense.node.Launcher.RunningNode;
import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.Poll;
import ai.tradesense.testsupport.TestServices;

/**
 * Webhooks against a real receiver that is down at first, then answers 500, then recovers, with a kill -9
 * of the node while deliveries are pending: every outbox entry arrives, under its one CloudEvents id,
 * signed as docs/webhooks.md says; the platform pulls and acknowledges the enforcement commands.
 */
class WebhooksIT {

    private static final Duration BOOT = Duration.ofMinutes(3);
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String SECRET = "whsec_system-test-secret-0123456789abcdef";
    private static final int FAILURES = 10;

    @Test
    void everyEventArrivesOnceOrMoreUnderOneIdThroughOutageErrorsAndAKill() throws Exception {
        TestServices.Database db = WorkerSupport.freshDatabase("webhooks_it");
        NodeOptions options = WorkerSupport.worker(Nodes.runCommandDefaults("webhooks"), db.url(), TestServices.redis())
                .withSetting("tradesense.webhooks.source", "/tradesense/system-test")
                .withSetting("tradesense.webhooks.base-delay-seconds", "1")
                .withSetting("tradesense.webhooks.max-delay-seconds", "2")
                .withSetting("tradesense.webhooks.max-attempts", "1000")
                .withSetting("tradesense.webhooks.claim-seconds", "10");
        WebhookReceiver receiver = new WebhookReceiver(Nodes.freePort());
        Map<String, String> challenges = new HashMap<>();
        Http platform;
        String keyId;

        RunningNode first = Launcher.start(options);
        try {
            first.awaitReady(BOOT);
            Http admin = Accounts.admin(new Http(first.baseUri().resolve("api/v1/")));
            platform = Accounts.platform(admin);
            Http.Answer created = admin.post("admin/webhooks", """
                    {"url": "%s", "secret": "%s", "eventTypes": ["challenge.started", "challenge.failed",
                     "challenge.paused", "challenge.resumed", "challenge.passed", "challenge.phase_passed",
                     "alert.raised", "platform.command"]}""".formatted(receiver.url(), SECRET));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            keyId = created.json().getJsonObject("secret").getString("keyId");
            assertThat(created.json().getJsonObject("secret").getString("secret")).isEqualTo(SECRET);

            // A fails on its daily loss, B is paused by its daily loss, C is paused, resumed and failed by staff.
            challenges.put("A", start(admin, "two-step-100k", "hook-a"));
            challenges.put("B", start(admin, "futures-50k", "hook-b"));
            challenges.put("C", start(admin, "two-step-100k", "hook-c"));
            equity(platform, challenges.get("A"), "94000");
            equity(platform, challenges.get("B"), "48900");
            act(admin, challenges.get("C"), "{\"action\": \"PAUSE\", \"reason\": \"review\", \"until\": \"%s\"}"
                    .formatted(Instant.now().plusSeconds(86_400)));
            act(admin, challenges.get("C"), "{\"action\": \"RESUME\", \"reason\": \"reviewed\"}");
            act(admin, challenges.get("C"), "{\"action\": \"FAIL\", \"reason\": \"terms breached\"}");

            // The receiver is down: attempts fail and the deliveries stay pending with their error.
            Poll.until("failed attempts against the receiver that is down", WAIT, () -> {
                JsonArray pending = admin.get("admin/webhooks/deliveries?status=PENDING&size=100").json()
                        .getJsonArray("items");
                return pending.stream().map(JsonObject.class::cast)
                        .anyMatch(d -> d.getInt("attempts") > 0 && d.containsKey("lastError"));
            });
        } finally {
            first.process().destroyForcibly().waitFor();
        }

        receiver.start(FAILURES);
        RunningNode second = Launcher.start(options.withLogFile(options.logFile().resolveSibling("webhooks-after-kill.log")));
        try {
            second.awaitReady(BOOT);
            Http admin = Accounts.admin(new Http(second.baseUri().resolve("api/v1/")));
            challenges.put("D", start(admin, "two-step-100k", "hook-d"));

            Poll.until("every outbox entry answered 2xx by the receiver", WAIT, () -> {
                Set<String> delivered = receiver.received().stream().filter(r -> r.answered() < 300)
                        .map(WebhookReceiver.Received::id).collect(Collectors.toSet());
                return delivered.containsAll(outbox(db).keySet()) && pending(db) == 0;
            });

            Map<String, String> outbox = outbox(db);
            List<WebhookReceiver.Received> received = receiver.received();
            assertThat(received.stream().filter(r -> r.answered() == 500)).hasSize(FAILURES);
            Map<String, String> typeById = new HashMap<>();
            Set<String> subjects = new HashSet<>();
            for (WebhookReceiver.Received request : received) {
                JsonObject event = Json.createReader(new StringReader(request.body())).readObject();
                assertThat(event.getString("specversion")).isEqualTo("1.0");
                assertThat(event.getString("id")).isEqualTo(request.id());
                assertThat(event.getString("source")).isEqualTo("/tradesense/system-test");
                assertThat(event.getString("datacontenttype")).isEqualTo("application/json");
                assertThat(request.contentType()).startsWith("application/cloudevents+json");
                assertThat(event.getJsonObject("data").getString("challengeId")).isEqualTo(event.getString("subject"));
                assertThat(verifies(request, keyId)).as("signature of %s", request.id()).isTrue();
                assertThat(Math.abs(Long.parseLong(request.timestamp()) - Instant.now().getEpochSecond())).isLessThan(600);
                // One id is one event: every attempt of it carries the same type and subject.
                String type = event.getString("type");
                assertThat(typeById.putIfAbsent(request.id(), type + " " + event.getString("subject")))
                        .isIn(null, type + " " + event.getString("subject"));
                assertThat(type).isEqualTo("ai.tradesense." + outbox.get(request.id()));
                subjects.add(event.getString("subject"));
            }
            assertThat(typeById.keySet()).isEqualTo(outbox.keySet());
            assertThat(subjects).containsAll(challenges.values());
            Map<String, Long> perType = outbox.values().stream()
                    .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
            assertThat(perType.get("challenge.started")).isEqualTo(4);
            assertThat(perType.get("challenge.failed")).isEqualTo(2);
            assertThat(perType.get("challenge.paused")).isEqualTo(2);
            assertThat(perType.get("challenge.resumed")).isGreaterThanOrEqualTo(1);
            assertThat(perType.get("alert.raised")).isGreaterThanOrEqualTo(2);
            assertThat(perType.get("platform.command")).isEqualTo(4);

            // The same commands can be pulled in seq order and acknowledged once.
            Http pulling = new Http(second.baseUri().resolve("api/v1/")).apiKey(platform.header("X-API-Key"));
            JsonArray commands = pulling.get("platform/commands?after=0").json().getJsonArray("items");
            List<String> kinds = new ArrayList<>();
            long previous = 0;
            for (JsonObject command : commands.getValuesAs(JsonObject.class)) {
                assertThat(command.getJsonNumber("seq").longValue()).isGreaterThan(previous);
                previous = command.getJsonNumber("seq").longValue();
                kinds.add(command.getString("command") + " " + command.getString("reason"));
                assertThat(outbox.get(command.getString("eventId"))).isEqualTo("platform.command");
            }
            assertThat(kinds).containsExactlyInAnyOrder("CLOSE_ALL_AND_DISABLE DAILY_LOSS",
                    "CLOSE_ALL_AND_SUSPEND DAILY_LOSS", "CLOSE_ALL_AND_SUSPEND MANUAL", "CLOSE_ALL_AND_DISABLE MANUAL");
            long firstSeq = commands.getJsonObject(0).getJsonNumber("seq").longValue();
            Http.Answer ack = pulling.post("platform/commands/" + firstSeq + "/ack", "");
            assertThat(ack.status()).as(ack.body()).isEqualTo(200);
            Http.Answer again = pulling.post("platform/commands/" + firstSeq + "/ack", "");
            assertThat(again.json().getString("acknowledgedAt")).isEqualTo(ack.json().getString("acknowledgedAt"));
            assertThat(pulling.get("platform/commands?after=0&open=true").json().getJsonArray("items")).hasSize(3);
        } finally {
            second.stop();
            receiver.close();
        }
    }

    private static String start(Http admin, String plan, String trader) {
        Http.Answer created = admin.post("challenges", "{\"planCode\": \"%s\", \"traderId\": \"%s\"}".formatted(plan, trader));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getString("id");
    }

    private static void equity(Http platform, String id, String equity) {
        Http.Answer answer = platform.post("challenges/" + id + "/events",
                "{\"type\": \"EQUITY\", \"at\": \"%s\", \"equity\": %s}".formatted(Instant.now(), equity));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static void act(Http admin, String id, String body) {
        Http.Answer answer = admin.post("challenges/" + id + "/actions", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** The scheme of docs/webhooks.md, computed here independently of the node's code. */
    private static boolean verifies(WebhookReceiver.Received request, String keyId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((request.timestamp() + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        for (String signature : request.signature().split(" ")) {
            String[] parts = signature.split(",", 3);
            if (parts.length == 3 && parts[0].equals("v1") && parts[1].equals(keyId) && parts[2].equals(expected)) {
                return true;
            }
        }
        return false;
    }

    /** The outbox's entries: CloudEvents id to type name. */
    private static Map<String, String> outbox(TestServices.Database db) {
        Map<String, String> entries = new HashMap<>();
        try (Connection connection = db.connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT id, type FROM outbox")) {
            while (rows.next()) {
                entries.put(rows.getString(1), rows.getString(2));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return entries;
    }

    private static int pending(TestServices.Database db) {
        try (Connection connection = db.connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM webhook_delivery WHERE status <> 'DELIVERED'")) {
            rows.next();
            return rows.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
