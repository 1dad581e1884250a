package ai.tradesense.infrastructure.json;

import ai.tradesense.domain.model.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.InvalidInputException.Violation;

class StrictJsonTest {

    private static InvalidInputException parseFailure(String text) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> StrictJson.parse(text));
        assertThat(e).as("parse must reject %s", text).isNotNull();
        return e;
    }

    @Test
    void parsesAnObject() {
        JsonValue value = StrictJson.parse("{\"a\": 1, \"b\": [true, null]}");

        assertThat(value.asJsonObject().getInt("a")).isEqualTo(1);
        assertThat(value.asJsonObject().getJsonArray("b")).hasSize(2);
    }

    @Test
    void reportsMalformedJsonAsSyntaxWithLineAndColumn() {
        InvalidInputException e = parseFailure("{\n  \"a\": 1,\n  \"b\": }");

        assertThat(e.violations()).extracting(Violation::path, Violation::kind).containsExactly(tuple("", Kind.SYNTAX));
        assertThat(e.violations().get(0).message()).contains("line 3").contains("column");
        assertThat(e.isMalformed()).isTrue();
    }

    @ParameterizedTest(name = "body \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t"})
    void rejectsEmptyBodyAsSyntax(String body) {
        InvalidInputException e = parseFailure(body);

        assertThat(e.violations()).extracting(Violation::path, Violation::kind).containsExactly(tuple("", Kind.SYNTAX));
        assertThat(e.getMessage()).contains("empty");
    }

    @Test
    void rejectsDuplicateKeys() {
        InvalidInputException e = parseFailure("{\"code\": \"a\", \"code\": \"b\"}");

        assertThat(e.violations()).extracting(Violation::kind).containsExactly(Kind.SYNTAX);
    }

    @Test
    void rejectsADocumentNestedDeeperThanTheProviderAllowsAsMalformed() {
        InvalidInputException e = parseFailure("{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500));

        assertThat(e.isMalformed()).isTrue();
        assertThat(e.violations()).extracting(Violation::path, Violation::kind).containsExactly(tuple("", Kind.SYNTAX));
        assertThat(e.getMessage()).contains("nested more than 1000 levels");
    }

    @Test
    void acceptsNestingWellInsideTheLimit() {
        assertThat(StrictJson.parse("[".repeat(500) + "]".repeat(500)).getValueType()).isNotNull();
    }

    @Test
    void rejectsDuplicateKeysInANestedObject() {
        assertThat(parseFailure("{\"d\": {\"pct\": 5, \"pct\": 50}}").violations())
                .extracting(Violation::kind).containsExactly(Kind.SYNTAX);
    }

    /** A JSON text is exactly one value (RFC 8259); anything after it makes the body malformed. */
    @Test
    void rejectsTrailingContentAfterTheDocument() {
        assertThat(parseFailure("{\"code\": \"a\"} garbage").violations())
                .extracting(Violation::kind).containsExactly(Kind.SYNTAX);
    }

    @Test
    void objectReaderRejectsArrayAsTypeError() {
        StrictJson json = new StrictJson();

        assertThat(json.object(StrictJson.parse("[1]"), "plan", Set.of("a"))).isNull();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, json::throwIfInvalid);

        assertThat(e.violations()).extracting(Violation::path, Violation::kind).containsExactly(tuple("plan", Kind.TYPE));
    }

    @Test
    void objectReaderReportsEachUnknownFieldWithItsPath() {
        StrictJson json = new StrictJson();

        json.object(StrictJson.parse("{\"a\": 1, \"x\": 2, \"y\": 3}"), "plan", Set.of("a"));

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, json::throwIfInvalid);
        assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                .containsExactly(tuple("plan.x", Kind.VALUE), tuple("plan.y", Kind.VALUE));
    }

    @Test
    void booleanFieldReadsParsedTrueAndFalse() {
        StrictJson json = new StrictJson();
        StrictJson.Obj obj = json.object(StrictJson.parse("{\"t\": true, \"f\": false}"), "", Set.of("t", "f"));

        assertThat(obj.bool("t", false)).isTrue();
        assertThat(obj.bool("f", true)).isFalse();
        assertThat(json.hasViolations()).isFalse();
    }

    @Test
    void requiredDecimalAbsentOrNullIsAValueViolation() {
        StrictJson json = new StrictJson();
        JsonObject doc = StrictJson.parse("{\"n\": null}").asJsonObject();
        StrictJson.Obj obj = json.object(doc, "", Set.of("n", "m"));

        assertThat(obj.decimal("n", true)).isNull();
        assertThat(obj.decimal("m", true)).isNull();

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, json::throwIfInvalid);
        assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                .containsExactly(tuple("n", Kind.VALUE), tuple("m", Kind.VALUE));
    }
}
