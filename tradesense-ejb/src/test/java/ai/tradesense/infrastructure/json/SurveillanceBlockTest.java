package ai.tradesense.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.InvalidInputException.Violation;
import ai.tradesense.domain.rules.RuleSet;

/** The plan's surveillance block: reading, the default, writing only what forbids something, every refusal's path. */
class SurveillanceBlockTest {

    private static JsonObject plan(String surveillance) {
        return StrictJson.parse("""
                { "code": "s-50k", "initialBalance": 50000,
                  "dayBoundary": { "zone": "Europe/Prague", "time": "00:00" },
                  "phases": [ { "profitTarget": { "pct": 8 }, "maxLoss": { "pct": 10 } } ]%s }
                """.formatted(surveillance == null ? "" : ", \"surveillance\": " + surveillance.replace('\'', '"')))
                .asJsonObject();
    }

    private static RuleSet read(String surveillance) {
        return PlanDocument.read(plan(surveillance), true);
    }

    @Test
    void readsTheFlag() {
        assertThat(read("{ 'allowOwnAccountCopying': true }").allowOwnAccountCopying()).isTrue();
        assertThat(read("{ 'allowOwnAccountCopying': false }").allowOwnAccountCopying()).isFalse();
    }

    @Test
    void anAbsentBlockOrFlagIsTrue() {
        assertThat(read(null).allowOwnAccountCopying()).isTrue();
        assertThat(read("null").allowOwnAccountCopying()).isTrue();
        assertThat(read("{}").allowOwnAccountCopying()).isTrue();
        assertThat(PlanCatalogue.rules("two-step-100k").allowOwnAccountCopying()).isTrue();
    }

    @Test
    void theBlockIsWrittenOnlyWhenItForbidsAndReadsBackTheSame() {
        JsonObject forbidding = PlanDocument.write(read("{ 'allowOwnAccountCopying': false }"));
        assertThat(forbidding.getJsonObject("surveillance").toString())
                .isEqualTo("{\"allowOwnAccountCopying\":false}");
        assertThat(PlanDocument.read(forbidding, true)).isEqualTo(read("{ 'allowOwnAccountCopying': false }"));
        assertThat(PlanDocument.write(read("{ 'allowOwnAccountCopying': true }")).containsKey("surveillance"))
                .isFalse();
        assertThat(PlanDocument.write(read(null)))
                .isEqualTo(PlanDocument.write(read("{ 'allowOwnAccountCopying': true }")));
        assertThat(PlanDocument.write(PlanCatalogue.rules("two-step-100k")).containsKey("surveillance")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{ 'allowOwnAccountCopying': 'yes' } | surveillance.allowOwnAccountCopying | TYPE",
        "{ 'allowOwnAccountCopying': 1 }     | surveillance.allowOwnAccountCopying | TYPE",
        "{ 'allowCopying': true }            | surveillance.allowCopying           | VALUE",
        "true                                | surveillance                        | TYPE",
        "[]                                  | surveillance                        | TYPE"})
    void refusesAWrongBlockNamingThePath(String surveillance, String path, Kind kind) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> read(surveillance));
        assertThat(e).as("the block must be refused").isNotNull();
        assertThat(e.violations()).extracting(Violation::path, Violation::kind).containsExactly(tuple(path, kind));
    }
}
