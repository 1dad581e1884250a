package ai.tradesense.interfaces.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    /** What Parsson throws past 1,000 levels: a bare RuntimeException, no JsonException. */
    private static final RuntimeException TOO_DEEP = new RuntimeException("Input is too deeply nested 1,000");

    @Test
    void answersJsonNestedTooDeeplyAsAMalformedRequest() {
        Problem problem = ProblemMapper.problemFor(TOO_DEEP);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.slug()).isEqualTo("invalid-input");
        assertThat(problem.detail()).contains("nested more than 1000 levels");
    }

    @Test
    void findsTheNestingFailureWhenTheEntityProviderWrappedIt() {
        assertThat(ProblemMapper.problemFor(new ProcessingException("reading the entity", TOO_DEEP)).status())
                .isEqualTo(400);
    }

    @Test
    void keepsOtherUnexpectedFailuresInternal() {
        assertThat(ProblemMapper.problemFor(new RuntimeException("something else")).status()).isEqualTo(500);
    }
}
