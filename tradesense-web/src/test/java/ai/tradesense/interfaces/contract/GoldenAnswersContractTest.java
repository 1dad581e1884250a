package ai.tradesense.interfaces.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

/**
 * The contract cannot drift from the code: every golden file of WireFormatIT (answers and live messages the
 * running code really sent) is checked against the schema of its operation and status in openapi.yaml,
 * or of its message in asyncapi.yaml. A new golden file must be mapped here, or this test fails.
 */
class GoldenAnswersContractTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String EVENTS = "/challenges/c-1/events";
    private static final String ACTIONS = "/challenges/c-1/actions";

    /** Golden answer → the request WireFormatIT made and the status it got. */
    private static final Map<String, Call> ANSWERS = Map.ofEntries(
            Map.entry("plan-published", new Call("POST", "/plans", 201, JSON)),
            Map.entry("plan-read", new Call("GET", "/plans/p-1", 200, JSON)),
            Map.entry("challenge-started", new Call("POST", "/challenges", 201, JSON)),
            Map.entry("challenge-read", new Call("GET", "/challenges/c-1", 200, JSON)),
            Map.entry("challenge-final", new Call("GET", "/challenges/c-1", 200, JSON)),
            Map.entry("event-single", new Call("POST", EVENTS, 200, JSON)),
            Map.entry("event-duplicate", new Call("POST", EVENTS, 200, JSON)),
            Map.entry("event-batch", new Call("POST", EVENTS, 200, JSON)),
            Map.entry("event-batch-review", new Call("POST", EVENTS, 200, JSON)),
            Map.entry("event-failing", new Call("POST", EVENTS, 200, JSON)),
            Map.entry("event-corrected", new Call("POST", EVENTS, 200, JSON)),
            Map.entry("problem-out-of-order", new Call("POST", EVENTS, 409, PROBLEM)),
            Map.entry("problem-invalid", new Call("POST", EVENTS, 422, PROBLEM)),
            Map.entry("problem-malformed", new Call("POST", EVENTS, 400, PROBLEM)),
            Map.entry("action-pause", new Call("POST", ACTIONS, 200, JSON)),
            Map.entry("action-resume", new Call("POST", ACTIONS, 200, JSON)),
            Map.entry("action-extend", new Call("POST", ACTIONS, 200, JSON)),
            Map.entry("action-pass-review", new Call("POST", ACTIONS, 200, JSON)),
            Map.entry("action-restore", new Call("POST", ACTIONS, 200, JSON)),
            Map.entry("action-pass", new Call("POST", ACTIONS, 200, JSON)),
            Map.entry("action-fail", new Call("POST", ACTIONS, 200, JSON)),
            Map.entry("alerts", new Call("GET", "/alerts", 200, JSON)),
            Map.entry("events", new Call("GET", EVENTS, 200, JSON)),
            Map.entry("audit", new Call("GET", "/challenges/c-1/audit", 200, JSON)),
            Map.entry("audit-verify", new Call("GET", "/challenges/c-1/audit/verify", 200, JSON)),
            Map.entry("simulation", new Call("POST", "/simulations", 200, JSON)));

    private static final Pattern ID = Pattern.compile("<id:(\\d+)>");
    private static final Pattern HASH = Pattern.compile("<hash:(\\d+)>");

    private final Contract contract = Contract.published();

    /** Every JSON request and answer of the contract has an example, and every example matches its schema. */
    @Test
    void everyExampleOfTheContractMatchesItsSchema() {
        assertThat(contract.exampleProblems()).isEmpty();
    }

    @Test
    void everyGoldenAnswerMatchesItsOperationsSchema() throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(GOLDEN)) {
            list.filter(Files::isRegularFile).forEach(p -> files.add(p.getFileName().toString().replace(".json", "")));
        }
        assertThat(ANSWERS.keySet()).as("every golden answer is mapped to its operation").containsAll(files);

        for (String name : files) {
            Call call = ANSWERS.get(name);
            assertThat(contract.responseProblems(call.method, call.path, call.status, call.mediaType, golden(name)))
                    .as(name + ".json against " + call).isEmpty();
        }
    }

    @Test
    void everyGoldenLiveMessageMatchesItsMessageSchema() throws IOException {
        int checked = 0;
        for (String channel : new String[] {"challenge", "ops"}) {
            String documented = channel.equals("ops") ? "/ws/ops" : "/ws/challenges/{id}";
            try (Stream<Path> list = Files.list(GOLDEN.resolve("ws").resolve(channel))) {
                for (Path file : list.sorted().toList()) {
                    assertThat(contract.messageProblems(documented, realistic(Files.readString(file))))
                            .as(channel + "/" + file.getFileName()).isEmpty();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void aWrongFieldTypeInTheSchemaRejectsTheRecordedAnswer() throws IOException {
        Contract wrong = contract.withOpenApi(doc -> ((ObjectNode) doc.at("/components/schemas/Challenge/properties"))
                .putObject("balance").put("type", "string"));

        assertThat(wrong.responseProblems("GET", "/challenges/c-1", 200, JSON, golden("challenge-read")))
                .anyMatch(p -> p.contains("balance"));
    }

    @Test
    void aFieldMissingFromTheSchemaRejectsTheRecordedAnswer() throws IOException {
        Contract wrong = contract.withOpenApi(doc -> ((ObjectNode) doc.at("/components/schemas/Challenge/properties"))
                .remove("openTrades"));

        assertThat(wrong.responseProblems("POST", EVENTS, 200, JSON, golden("event-single")))
                .anyMatch(p -> p.contains("openTrades"));
    }

    @Test
    void aWrongOutcomeInTheMessageSchemaRejectsTheRecordedMessage() throws IOException {
        Contract wrong = contract.withAsyncApi(doc -> ((ObjectNode) doc.at("/components/schemas/Extended/properties"))
                .putObject("days").put("type", "string"));
        String message = realistic(Files.readString(GOLDEN.resolve("ws/challenge/12-EXTENDED.json")));

        assertThat(contract.messageProblems("/ws/challenges/{id}", message)).isEmpty();
        assertThat(wrong.messageProblems("/ws/challenges/{id}", message)).anyMatch(p -> p.contains("days"));
    }

    @Test
    void aMessageTheChannelDoesNotCarryIsRejected() throws IOException {
        String state = realistic(Files.readString(GOLDEN.resolve("ws/challenge/01-STATE.json")));

        assertThat(contract.messageProblems("/ws/ops", state)).containsExactly("channel /ws/ops documents no message STATE");
    }

    private static String golden(String name) throws IOException {
        return realistic(Files.readString(GOLDEN.resolve(name + ".json")));
    }

    /** WireFormatIT's placeholders back into values of the kind they stand for. */
    static String realistic(String text) {
        String out = text.replace("<now>", "2030-03-04T16:00:00.123456Z").replace("<plan>", "golden-plan");
        out = replace(out, ID, n -> String.format("00000000-0000-4000-8000-%012d", n));
        return replace(out, HASH, n -> String.format("%064x", n));
    }

    private static String replace(String text, Pattern pattern, java.util.function.IntFunction<String> value) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, value.apply(Integer.parseInt(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private record Call(String method, String path, int status, String mediaType) { }
}
