package ai.tradesense.domain.model.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

/**
 * The canonical form an audit hash covers was written by JSON-P before the domain wrote it itself; existing
 * chains verify only while both give the same characters for every string.
 */
class AuditCanonicalFormTest {

    private static String jsonP(String previousHash, String challengeId, long seq, String kind, String at,
                                String actor, String content) {
        return Json.createArrayBuilder().add(previousHash).add(challengeId).add(seq).add(kind).add(at).add(actor)
                .add(content).build().toString();
    }

    private static List<String> trickyStrings() {
        List<String> strings = new ArrayList<>(List.of("", "plain", "\"", "\\", "\\\"", "\"\\\"", "/", "</script>",
                "\u2028", "\u2029", "\u007f", "\u0080", "\u00e9t\u00e9", "\u4e2d\u6587", "\ud83d\ude80",
                "\ud83d", "\ude80", "\ufeff", "\uffff", "a\u0000b", "{\"seq\":1,\"type\":\"CLOCK\"}",
                "{\"reason\":\"line1\\nline2 \\\"quoted\\\" \\u0007\"}", "tab\tnew\nline\rfeed\fback\b"));
        for (char c = 0; c < 0x20; c++) {
            strings.add(String.valueOf(c));
            strings.add("x" + c + "y");
        }
        Random random = new Random(12);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                s.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x80) : (char) random.nextInt(0x10000));
            }
            strings.add(s.toString());
        }
        return strings;
    }

    @Test
    void writesEveryStringAsJsonPDid() {
        for (String s : trickyStrings()) {
            assertThat(AuditEntry.canonical(s, s, 7, s, s, s, s)).as("%s", s.chars().boxed().toList())
                    .isEqualTo(jsonP(s, s, 7, s, s, s, s));
        }
    }

    @Test
    void writesSequenceNumbersAsJsonPDid() {
        for (long seq : new long[] {0, 1, 9, 10, 12_345, Integer.MAX_VALUE + 1L, Long.MAX_VALUE, -1, Long.MIN_VALUE}) {
            assertThat(AuditEntry.canonical(AuditEntry.GENESIS, "id", seq, "PAUSED", "2026-03-02T09:30:00.123456Z",
                    "engine", "{}"))
                    .isEqualTo(jsonP(AuditEntry.GENESIS, "id", seq, "PAUSED", "2026-03-02T09:30:00.123456Z", "engine",
                            "{}"));
        }
    }
}
