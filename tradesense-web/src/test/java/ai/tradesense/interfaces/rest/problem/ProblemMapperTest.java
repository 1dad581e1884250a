package ai.tradesense.interfaces.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"08006", "57P01", "57P02", "57P03"})
    void answersAConnectionLostInAFailoverAsUnavailable(String sqlState) {
        // As a write meets it: the JPA provider's exception around the driver's.
        RuntimeException cut = new PersistenceException("commit failed",
                new SQLException("terminating connection due to administrator command", sqlState));

        Problem problem = ProblemMapper.problemFor(new EJBException(cut));

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.slug()).isEqualTo("database-unavailable");
    }

    @Test
    void keepsOtherUnexpectedFailuresInternal() {
        assertThat(ProblemMapper.problemFor(new RuntimeException("something else")).status()).isEqualTo(500);
    }
}
