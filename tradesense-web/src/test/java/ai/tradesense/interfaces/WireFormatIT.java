package ai.tradesense.interfaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.json.Json;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.Http.Answer;
import ai.tradesense.testsupport.Plans;
import ai.tradesense.testsupport.Poll;
import ai.tradesense.testsupport.RealServices;

/**
 * The wire format, byte for byte: one deterministic story (a plan, a challenge through all its phases,
 * events, problems, manual actions, a simulation, both live channels) whose every answer body and live
 * message is compared with a golden file under {@code src/test/resources/golden}. Only what differs per
 * run is normalised first: generated ids and audit hashes to {@code <id:n>} and {@code <hash:n>} (numbered
 * by first appearance in each file), the per-run plan code to {@code <plan>}, server clock times to
 * {@code <now>}; key order and number formatting are compared as they are. To re-record after an intended
 * change of the wire format, run {@code ./mvnw -B -o -pl tradesense-web -am verify -Dit.test=WireFormatIT
 * -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.record=true} and review the diff.
 */
@ExtendWith({RealServices.class, ArquillianExtension.class})
@RunAsClient
class WireFormatIT {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean RECORD = Boolean.getBoolean("golden.record");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String TRADER = "trader-golden";
    /**
     * Events lie after the server's clock (until March 2030), so staff act at the last event's time, not
     * at "now", and every answer but the normalised stamps is the same in every run.
     */
    private static final String START_AT = "2030-03-04T08:00:00Z";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/tradesense-web.war"));
    }

    @ArquillianResource
    URL base;

    Http api;

    @BeforeEach
    void client() throws Exception {
        api = Accounts.admin(new Http(base.toURI().resolve("api/v1/")));
    }

    @Test
    void answersEveryClientExactlyAsRecorded() throws Exception {
        String code = Plans.uniqueCode("wire");
        Golden golden = new Golden(code);

        golden.answer("plan-published", api.post("plans", plan(code)), 201, JSON);
        golden.answer("plan-read", api.get("plans/" + code), 200, JSON);
        Answer started = api.post("challenges", "{\"planCode\": \"" + code + "\", \"traderId\": \"" + TRADER
                + "\", \"startAt\": \"" + START_AT + "\"}");
        golden.answer("challenge-started", started, 201, JSON);
        String id = started.json().getString("id");
        golden.answer("challenge-read", api.get("challenges/" + id), 200, JSON);

        String token = api.header("Authorization").substring("Bearer ".length());
        RawLive ops = RawLive.connect(ws("ws/ops?access_token=" + token));
        RawLive live = RawLive.connect(ws("ws/challenges/" + id + "?access_token=" + token));
        golden.live("challenge", live.untilState());
        Poll.until("both live sessions are open", WAIT, () -> gauge("websocket_connections_active") >= 2);

        String events = "challenges/" + id + "/events";
        String open = "{\"type\": \"TRADE_OPENED\", \"id\": \"t-1\", \"at\": \"2030-03-04T09:00:00Z\","
                + " \"symbol\": \"EURUSD\", \"side\": \"BUY\", \"volume\": 1.50, \"price\": 1.08520}";
        golden.answer("event-single", api.post(events, open), 200, JSON);
        golden.live("challenge", live.untilState());
        golden.answer("event-duplicate", api.post(events, open), 200, JSON);

        // Reaches the first phase's target: the next phase starts with a fresh account.
        golden.answer("event-batch", api.post(events, """
                [ { "type": "EQUITY", "id": "e-1", "at": "2030-03-04T10:00:00Z", "equity": 100250.50 },
                  { "type": "TRADE_CLOSED", "id": "t-1", "at": "2030-03-04T11:00:00Z", "price": 1.09060,
                    "profit": 8100.00 } ]
                """), 200, JSON);
        golden.live("challenge", live.untilState());

        golden.answer("problem-out-of-order", api.post(events,
                "{\"type\": \"EQUITY\", \"at\": \"2030-03-04T10:30:00Z\", \"equity\": 100000}"), 409, PROBLEM);
        golden.answer("problem-invalid", api.post(events, """
                [ { "type": "EQUITY", "at": "2030-03-04T12:00:00Z", "equity": 100000 },
                  { "type": "EQUITY", "at": "noon" } ]
                """), 422, PROBLEM);
        golden.answer("problem-malformed", api.post(events, "{\"type\": \"EQUITY\", \"at\": "), 400, PROBLEM);

        String actions = "challenges/" + id + "/actions";
        golden.answer("action-pause", api.post(actions, "{\"action\": \"PAUSE\", \"reason\": \"risk review\","
                + " \"until\": \"2030-03-04T18:00:00Z\"}"), 200, JSON);
        golden.live("challenge", live.untilState());
        golden.answer("action-resume", api.post(actions, "{\"action\": \"RESUME\", \"reason\": \"review done\"}"),
                200, JSON);
        golden.live("challenge", live.untilState());
        golden.answer("action-extend", api.post(actions,
                "{\"action\": \"EXTEND\", \"reason\": \"public holiday\", \"days\": 5}"), 200, JSON);
        golden.live("challenge", live.untilState());

        // Reaches the second phase's target, which waits for a review.
        golden.answer("event-batch-review", api.post(events, """
                [ { "type": "TRADE_OPENED", "id": "t-2", "at": "2030-03-04T13:00:00Z", "symbol": "GBPUSD",
                    "side": "SELL", "volume": 2, "price": 1.27 },
                  { "type": "TRADE_CLOSED", "id": "t-2", "at": "2030-03-04T14:00:00Z", "price": 1.265,
                    "profit": 5000.25 } ]
                """), 200, JSON);
        golden.live("challenge", live.untilState());
        golden.answer("action-pass-review", api.post(actions, "{\"action\": \"PASS\", \"reason\": \"reviewed\"}"),
                200, JSON);
        golden.live("challenge", live.untilState());

        // Funded: both floors crossed at once, the higher one fails it, and risk staff get an alert.
        golden.answer("event-failing", api.post(events,
                "{\"type\": \"EQUITY\", \"at\": \"2030-03-04T15:00:00Z\", \"equity\": 89999.99}"), 200, JSON);
        golden.live("challenge", live.untilState());
        golden.answer("alerts", api.get("alerts?challengeId=" + id), 200, JSON);
        golden.answer("action-restore", api.post(actions, "{\"action\": \"RESTORE\", \"reason\": \"bad price feed\"}"),
                200, JSON);
        golden.live("challenge", live.untilState());
        golden.answer("event-corrected", api.post(events,
                "{\"type\": \"EQUITY\", \"id\": \"e-2\", \"at\": \"2030-03-04T15:30:00Z\", \"equity\": 100100}"),
                200, JSON);
        golden.live("challenge", live.untilState());
        golden.answer("action-pass", api.post(actions, "{\"action\": \"PASS\", \"reason\": \"funded review\"}"),
                200, JSON);
        golden.live("challenge", live.untilState());

        golden.answer("challenge-final", api.get("challenges/" + id), 200, JSON);
        golden.answer("events", api.get(events), 200, JSON);
        golden.answer("audit", api.get("challenges/" + id + "/audit"), 200, JSON);
        golden.answer("audit-verify", api.get("challenges/" + id + "/audit/verify"), 200, JSON);
        // The ops board saw this challenge's changes of status, ending with the pass.
        golden.live("ops", ops.until(id, "PASSED"));
        assertThat(live.texts).as("no live message beyond those compared").isEmpty();

        Answer other = api.post("challenges", "{\"planCode\": \"" + code + "\", \"traderId\": \"" + TRADER
                + "\", \"startAt\": \"" + START_AT + "\"}");
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        golden.answer("action-fail", api.post("challenges/" + other.json().getString("id") + "/actions",
                "{\"action\": \"FAIL\", \"reason\": \"rule abuse\"}"), 200, JSON);

        golden.answer("simulation", api.post("simulations", """
                { "plan": { "name": "What if", "initialBalance": 50000,
                            "dayBoundary": { "zone": "America/Chicago", "time": "17:00" },
                            "phases": [ { "profitTarget": { "amount": 3000 },
                              "dailyLoss": { "amount": 1000, "onBreach": "PAUSE" },
                              "maxLoss": { "amount": 2000, "mode": "TRAILING_EOD_BALANCE", "lockAt": "INITIAL" } } ] },
                  "startAt": "2030-03-04T14:00:00Z",
                  "events": [
                    { "type": "TRADE_OPENED", "id": "s-1", "at": "2030-03-04T14:10:00Z", "symbol": "NQ", "side": "BUY",
                      "volume": 1, "price": 18000.25 },
                    { "type": "EQUITY", "at": "2030-03-04T15:00:00Z", "equity": 48900.5 },
                    { "type": "CLOCK", "at": "2030-03-04T23:00:00Z" },
                    { "type": "EQUITY", "at": "2030-03-05T15:00:00Z", "equity": 47999.99 } ] }
                """), 200, JSON);

        ops.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        live.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        golden.noneLeftOver();
    }

    /** Three phases, so that one story passes a phase, waits for a review and fails a funded account. */
    private static String plan(String code) {
        return """
                { "code": "%s", "name": "Golden 3-Step 100k", "currency": "USD", "initialBalance": 100000,
                  "dayBoundary": { "zone": "Europe/Prague", "time": "00:00" },
                  "breachWhen": "BELOW",
                  "phases": [
                    { "name": "Challenge", "profitTarget": { "pct": 8 }, "minTradingDays": 1,
                      "maxDays": 30, "inactivityDays": 10,
                      "dailyLoss": { "pct": 5 }, "maxLoss": { "pct": 10 } },
                    { "name": "Verification", "review": true, "profitTarget": { "pct": 5 },
                      "maxDays": 60, "inactivityDays": 30,
                      "dailyLoss": { "pct": 5, "of": "ANCHOR", "anchor": "DAY_START_MAX", "onBreach": "PAUSE" },
                      "maxLoss": { "pct": 10, "mode": "TRAILING_CLOSED_BALANCE", "lockAt": { "initialPlus": 500 } },
                      "consistency": { "maxBestDayPct": 100 } },
                    { "name": "Funded", "kind": "FUNDED",
                      "dailyLoss": { "amount": 5000, "check": "INTRADAY", "onBreach": "FAIL" },
                      "maxLoss": { "pct": 10, "mode": "TRAILING_EOD_BALANCE", "lockAt": "INITIAL" } } ] }
                """.formatted(code);
    }

    private URI ws(String path) {
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + base.getPath() + path);
    }

    private double gauge(String name) {
        String metrics = new Http(URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/"))
                .get("metrics").body();
        return metrics.lines().filter(l -> l.startsWith(name + "{")).mapToDouble(l -> Double.parseDouble(
                l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElseThrow();
    }

    private static String type(String message) {
        return Json.createReader(new StringReader(message)).readObject().getString("type");
    }

    /** The golden files of one run: compares (or, recording, writes) each and knows which were used. */
    private static final class Golden {

        /** Server clock times in answers; everything else time-like comes from the events and startAt. */
        private static final Pattern SERVER_TIME = Pattern.compile(
                "\"(?:updatedAt|createdAt|receivedAt|raisedAt|acknowledgedAt)\":\"([^\"]+)\"");
        /** A live STATE or ALERT is stamped with the server's clock; the others with the event's time. */
        private static final Pattern MESSAGE_TIME = Pattern.compile(
                "^\\{\"type\":\"(?:STATE|ALERT)\",\"challengeId\":\"[^\"]*\",\"seq\":\\d+,\"at\":\"([^\"]+)\"");
        /** Audit hashes chain over the challenge's id, so they differ per run. */
        private static final Pattern HASH = Pattern.compile("\"(?:hash|previousHash)\":\"([0-9a-f]{64})\"");
        private static final Pattern UUID = Pattern.compile(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        private final String planCode;
        private final Set<String> used = new TreeSet<>();
        private final Map<String, Integer> liveCounts = new HashMap<>();

        Golden(String planCode) throws IOException {
            this.planCode = planCode;
            if (RECORD && Files.isDirectory(GOLDEN)) {
                try (Stream<Path> files = Files.walk(GOLDEN)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> {
                        try {
                            Files.delete(path);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            }
        }

        void answer(String name, Answer answer, int status, String mediaType) {
            assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(status);
            assertThat(answer.contentType()).as(name).startsWith(mediaType);
            compare(name + ".json", answer.body());
        }

        /** Each message in its own file, numbered in the order the channel sent them. */
        void live(String channel, List<String> messages) {
            for (String message : messages) {
                int n = liveCounts.merge(channel, 1, Integer::sum);
                compare("ws/" + channel + "/" + String.format("%02d", n) + "-" + type(message) + ".json", message);
            }
        }

        void noneLeftOver() throws IOException {
            if (RECORD) {
                return;
            }
            try (Stream<Path> files = Files.walk(GOLDEN)) {
                List<String> stale = files.filter(Files::isRegularFile)
                        .map(path -> GOLDEN.relativize(path).toString().replace(File.separatorChar, '/'))
                        .filter(file -> !used.contains(file)).toList();
                assertThat(stale).as("golden files no answer was compared with (re-record?)").isEmpty();
            }
        }

        private void compare(String file, String raw) {
            assertThat(used.add(file)).as("one answer per golden file: " + file).isTrue();
            String actual = normalised(raw);
            Path path = GOLDEN.resolve(file);
            try {
                if (RECORD) {
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, actual);
                    return;
                }
                assertThat(path).as("golden file %s is missing; record it with -Dgolden.record=true", path).exists();
                assertThat(actual).as("answer against golden file %s", path).isEqualTo(Files.readString(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String normalised(String raw) {
            String text = raw.replace(planCode, "<plan>");
            text = replace(text, MESSAGE_TIME, null);
            text = replace(text, SERVER_TIME, null);
            text = replace(text, HASH, "hash");
            return replace(text, UUID, "id");
        }

        /**
         * Replaces group 1 (or the whole match) by {@code <kind:n>}, n counted by first appearance so that
         * equal values stay visibly equal. Server times all become {@code <now>}: whether two clock
         * readings coincide is chance, not format.
         */
        private static String replace(String text, Pattern pattern, String kind) {
            Map<String, String> placeholders = new HashMap<>();
            Matcher matcher = pattern.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                int group = matcher.groupCount() >= 1 ? 1 : 0;
                String value = matcher.group(group);
                String placeholder = kind == null ? "<now>"
                        : placeholders.computeIfAbsent(value, v -> "<" + kind + ":" + (placeholders.size() + 1) + ">");
                String whole = matcher.group();
                int from = matcher.start(group) - matcher.start();
                String replaced = whole.substring(0, from) + placeholder + whole.substring(from + value.length());
                matcher.appendReplacement(out, Matcher.quoteReplacement(replaced));
            }
            matcher.appendTail(out);
            return out.toString();
        }
    }

    /** A live channel's messages exactly as the server sent them, text for text. */
    private static final class RawLive implements WebSocket.Listener {

        private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static RawLive connect(URI uri) throws Exception {
            RawLive live = new RawLive();
            live.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT)
                    .buildAsync(uri, live).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return live;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        /** Every change is pushed as its messages followed by the resulting STATE. */
        List<String> untilState() throws InterruptedException {
            List<String> messages = new ArrayList<>();
            do {
                messages.add(next());
            } while (!type(messages.get(messages.size() - 1)).equals("STATE"));
            return messages;
        }

        /** One challenge's messages (the ops channel carries every challenge's) up to one of a type. */
        List<String> until(String challengeId, String type) throws InterruptedException {
            List<String> messages = new ArrayList<>();
            do {
                String message = next();
                if (message.contains("\"challengeId\":\"" + challengeId + "\"")) {
                    messages.add(message);
                }
            } while (messages.isEmpty() || !type(messages.get(messages.size() - 1)).equals(type));
            return messages;
        }

        private String next() throws InterruptedException {
            String message = texts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(message).as("a live message within " + WAIT.toSeconds() + " s").isNotNull();
            return message;
        }
    }
}
