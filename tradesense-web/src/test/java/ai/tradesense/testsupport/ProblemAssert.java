package ai.tradesense.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;

/** Checks that an answer is an RFC 9457 problem document with the given status and field path. */
public final class ProblemAssert {

    private ProblemAssert() {
    }

    /** {@code path} null means any (or none); otherwise one of the listed errors must name it. */
    public static JsonObject assertProblem(Http.Answer answer, int status, String path) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonObject problem = answer.json();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("type")).startsWith("urn:tradesense:problem:");
        assertThat(problem.getString("detail")).isNotBlank().doesNotContain("Exception", "SQL", "\tat ");
        if (path != null) {
            assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
                    .extracting(e -> e.getString("path")).contains(path);
        }
        return problem;
    }
}
