package ai.tradesense.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.InvalidInputException.Violation;

class InvalidInputExceptionTest {

    private static Violation violation(String path, Kind kind) {
        return new Violation(path, kind, "is wrong");
    }

    @Test
    void isNotMalformedWhenEveryViolationIsOfValue() {
        var e = new InvalidInputException(List.of(violation("a", Kind.VALUE), violation("b", Kind.VALUE)));

        assertThat(e.isMalformed()).isFalse();
    }

    @Test
    void isMalformedWhenAnyViolationIsOfType() {
        var e = new InvalidInputException(List.of(violation("a", Kind.VALUE), violation("b", Kind.TYPE)));

        assertThat(e.isMalformed()).isTrue();
    }

    @Test
    void isMalformedWhenAnyViolationIsOfSyntax() {
        assertThat(InvalidInputException.of("", Kind.SYNTAX, "bad").isMalformed()).isTrue();
    }

    @Test
    void messageNamesTheFirstViolationAndCountsTheRest() {
        var e = new InvalidInputException(List.of(violation("code", Kind.VALUE), violation("name", Kind.VALUE),
                violation("currency", Kind.VALUE)));

        assertThat(e.getMessage()).isEqualTo("code: is wrong (and 2 more)");
    }

    @Test
    void messageOfARootViolationHasNoPathPrefix() {
        assertThat(InvalidInputException.of("", Kind.SYNTAX, "malformed").getMessage()).isEqualTo("malformed");
    }

}
