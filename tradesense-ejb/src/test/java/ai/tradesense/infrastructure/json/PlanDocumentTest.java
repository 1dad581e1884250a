package ai.tradesense.infrastructure.json;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonPointer;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.InvalidInputException.Violation;
import ai.tradesense.infrastructure.json.StrictJson;
import ai.tradesense.domain.rules.Allowance;
import ai.tradesense.domain.rules.BreachWhen;
import ai.tradesense.domain.rules.ConsistencyRule;
import ai.tradesense.domain.rules.DailyLossRule;
import ai.tradesense.domain.rules.DayBoundary;
import ai.tradesense.domain.rules.MaxLossRule;
import ai.tradesense.domain.rules.PhaseKind;
import ai.tradesense.domain.rules.PhaseRules;
import ai.tradesense.domain.rules.ProfitTarget;
import ai.tradesense.domain.rules.RuleSet;

/** The plan format of DESIGN §3: reading, defaults, canonical writing and every validation with its path. */
class PlanDocumentTest {

    /** The example plan of DESIGN §3, verbatim. */
    private static final JsonObject EXAMPLE = json("""
            { "code": "ftmo-2step-100k", "name": "2-Step Challenge 100k", "currency": "USD",
              "initialBalance": 100000,
              "dayBoundary": { "zone": "Europe/Prague", "time": "00:00" },
              "breachWhen": "BELOW",
              "phases": [
                { "name": "Challenge", "kind": "EVALUATION",
                  "profitTarget": { "pct": 10 }, "requireFlat": true,
                  "minTradingDays": 4, "maxDays": null, "inactivityDays": 30,
                  "dailyLoss": { "pct": 5, "of": "INITIAL", "anchor": "DAY_START_BALANCE",
                                 "check": "INTRADAY", "onBreach": "FAIL" },
                  "maxLoss":   { "pct": 10, "mode": "STATIC", "lockAt": null },
                  "consistency": null },
                { "name": "Verification", "profitTarget": { "pct": 5 }, "minTradingDays": 4,
                  "dailyLoss": { "pct": 5 }, "maxLoss": { "pct": 10 } },
                { "name": "Funded", "kind": "FUNDED", "dailyLoss": { "pct": 5 }, "maxLoss": { "pct": 10 } } ] }
            """);

    /** A small valid plan that leaves every optional field out; tests change one thing in it. */
    private static final JsonObject BASE = json("""
            { "code": "base-50k", "initialBalance": 50000,
              "dayBoundary": { "zone": "America/Chicago", "time": "17:00" },
              "phases": [ { "profitTarget": { "pct": 8 }, "dailyLoss": { "pct": 5 }, "maxLoss": { "pct": 10 } } ] }
            """);

    // ---------------------------------------------------------------- helpers

    private static JsonObject json(String text) {
        return StrictJson.parse(text).asJsonObject();
    }

    /** Any JSON value from text; single quotes stand for double quotes to keep literals short. */
    private static JsonValue value(String text) {
        return StrictJson.parse(text.replace('\'', '"'));
    }

    /**
     * {@code base} with the value at a JSON pointer ({@code /phases/0/dailyLoss/pct}) set to {@code json}:
     * replaced when it exists, added otherwise.
     */
    private static JsonObject with(JsonObject base, String pointer, String json) {
        JsonPointer at = Json.createPointer(pointer);
        return at.containsValue(base) ? at.replace(base, value(json)) : at.add(base, value(json));
    }

    private static JsonObject with(String pointer, String json) {
        return with(BASE, pointer, json);
    }

    private static JsonObject without(JsonObject base, String pointer) {
        return Json.createPointer(pointer).remove(base);
    }

    private static InvalidInputException rejection(JsonValue document, boolean codeRequired) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> PlanDocument.read(document, codeRequired));
        assertThat(e).as("read must reject the document").isNotNull();
        return e;
    }

    /** The document is rejected with exactly one violation, at {@code path} of {@code kind}. */
    private static void assertRejectedAt(JsonValue document, String path, Kind kind) {
        assertThat(rejection(document, true).violations())
                .extracting(Violation::path, Violation::kind)
                .containsExactly(tuple(path, kind));
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static DailyLossRule dailyPct(String pct) {
        return new DailyLossRule(new Allowance.Percent(dec(pct)), DailyLossRule.Base.INITIAL,
                DailyLossRule.Anchor.DAY_START_BALANCE, DailyLossRule.Check.INTRADAY, DailyLossRule.OnBreach.FAIL);
    }

    private static MaxLossRule staticPct(String pct) {
        return new MaxLossRule(new Allowance.Percent(dec(pct)), MaxLossRule.Mode.STATIC, null);
    }

    // ---------------------------------------------------------------- reading

    @Nested
    class Reading {

        @Test
        void readsTheDesignExampleIntoTheExpectedRuleSet() {
            RuleSet expected = new RuleSet("ftmo-2step-100k", "2-Step Challenge 100k", "USD", dec("100000"),
                    new DayBoundary(ZoneId.of("Europe/Prague"), LocalTime.MIDNIGHT), BreachWhen.BELOW, List.of(
                            new PhaseRules("Challenge", PhaseKind.EVALUATION, false,
                                    new ProfitTarget(new Allowance.Percent(dec("10"))), true, 4, null, 30,
                                    dailyPct("5"), staticPct("10"), null, null, null, null),
                            new PhaseRules("Verification", PhaseKind.EVALUATION, false,
                                    new ProfitTarget(new Allowance.Percent(dec("5"))), true, 4, null, null,
                                    dailyPct("5"), staticPct("10"), null, null, null, null),
                            new PhaseRules("Funded", PhaseKind.FUNDED, false, null, true, 0, null, null,
                                    dailyPct("5"), staticPct("10"), null, null, null, null)));

            assertThat(PlanDocument.read(EXAMPLE, true)).isEqualTo(expected);
        }

        @Test
        void readsZoneAndTimeOfTheDayBoundary() {
            RuleSet rules = PlanDocument.read(BASE, true);

            assertThat(rules.dayBoundary().zone()).isEqualTo(ZoneId.of("America/Chicago"));
            assertThat(rules.dayBoundary().time()).isEqualTo(LocalTime.of(17, 0));
        }

        @Test
        void appliesPlanDefaultsForOmittedFields() {
            RuleSet rules = PlanDocument.read(BASE, true);

            assertThat(rules.currency()).isEqualTo("USD");
            assertThat(rules.breachWhen()).isEqualTo(BreachWhen.BELOW);
            assertThat(rules.name()).isNull();
        }

        @Test
        void appliesPhaseDefaultsForOmittedFields() {
            PhaseRules phase = PlanDocument.read(BASE, true).phase(0);

            assertThat(phase.name()).isEqualTo("Phase 1");
            assertThat(phase.kind()).isEqualTo(PhaseKind.EVALUATION);
            assertThat(phase.review()).isFalse();
            assertThat(phase.requireFlat()).isTrue();
            assertThat(phase.minTradingDays()).isZero();
            assertThat(phase.maxDays()).isNull();
            assertThat(phase.inactivityDays()).isNull();
            assertThat(phase.consistency()).isNull();
        }

        @Test
        void namesUnnamedPhasesByTheirPosition() {
            JsonObject doc = with("/phases/1", "{'kind': 'FUNDED', 'maxLoss': {'pct': 10}}");

            assertThat(PlanDocument.read(doc, true).phases()).extracting(PhaseRules::name)
                    .containsExactly("Phase 1", "Phase 2");
        }

        @Test
        void appliesDailyLossDefaults() {
            assertThat(PlanDocument.read(BASE, true).phase(0).dailyLoss()).isEqualTo(dailyPct("5"));
        }

        @Test
        void appliesMaxLossDefaultOfStaticWithoutLock() {
            assertThat(PlanDocument.read(BASE, true).phase(0).maxLoss()).isEqualTo(staticPct("10"));
        }

        @Test
        void appliesConsistencyDefaultOfNotStrict() {
            JsonObject doc = with("/phases/0/consistency", "{'maxBestDayPct': 40}");

            assertThat(PlanDocument.read(doc, true).phase(0).consistency())
                    .isEqualTo(new ConsistencyRule(dec("40"), false));
        }

        @Test
        void readsEveryNonDefaultPhaseSetting() {
            JsonObject doc = with("/phases/0", """
                    {'name': 'Eval', 'kind': 'EVALUATION', 'review': true, 'profitTarget': {'amount': 3000},
                     'requireFlat': false, 'minTradingDays': 5, 'maxDays': 30, 'inactivityDays': 14,
                     'dailyLoss': {'pct': 4, 'of': 'ANCHOR', 'anchor': 'DAY_PEAK_EQUITY', 'check': 'END_OF_DAY',
                                   'onBreach': 'PAUSE'},
                     'maxLoss': {'amount': 2500, 'mode': 'TRAILING_INTRADAY_EQUITY', 'lockAt': {'initialPlus': 100}},
                     'consistency': {'maxBestDayPct': 30, 'strict': true}}""");

            assertThat(PlanDocument.read(doc, true).phase(0)).isEqualTo(new PhaseRules("Eval", PhaseKind.EVALUATION,
                    true, new ProfitTarget(new Allowance.Fixed(dec("3000"))), false, 5, 30, 14,
                    new DailyLossRule(new Allowance.Percent(dec("4")), DailyLossRule.Base.ANCHOR,
                            DailyLossRule.Anchor.DAY_PEAK_EQUITY, DailyLossRule.Check.END_OF_DAY,
                            DailyLossRule.OnBreach.PAUSE),
                    new MaxLossRule(new Allowance.Fixed(dec("2500")), MaxLossRule.Mode.TRAILING_INTRADAY_EQUITY,
                            new MaxLossRule.Lock.InitialPlus(dec("100"))),
                    new ConsistencyRule(dec("30"), true), null, null, null));
        }

        @Test
        void readsAtOrBelowBreachAndAnotherCurrency() {
            JsonObject doc = with(with("/breachWhen", "'AT_OR_BELOW'"), "/currency", "'EUR'");

            RuleSet rules = PlanDocument.read(doc, true);

            assertThat(rules.breachWhen()).isEqualTo(BreachWhen.AT_OR_BELOW);
            assertThat(rules.currency()).isEqualTo("EUR");
        }

        @Test
        void treatsExplicitNullOptionalRulesAsAbsent() {
            JsonObject doc = with(with(with("/phases/0/dailyLoss", "null"), "/phases/0/maxLoss", "null"),
                    "/phases/0/profitTarget", "null");

            PhaseRules phase = PlanDocument.read(doc, true).phase(0);

            assertThat(phase.dailyLoss()).isNull();
            assertThat(phase.maxLoss()).isNull();
            assertThat(phase.profitTarget()).isNull();
        }
    }

    // ---------------------------------------------------------------- writing

    @Nested
    class Writing {

        @Test
        void roundTripOfTheDesignExampleGivesAnEqualRuleSet() {
            RuleSet first = PlanDocument.read(EXAMPLE, true);

            assertThat(PlanDocument.read(PlanDocument.write(first), true)).isEqualTo(first);
        }

        @Test
        void roundTripKeepsAmountsLocksAndConsistency() {
            JsonObject doc = with("/phases/0", """
                    {'review': true, 'profitTarget': {'amount': 2500.5}, 'maxDays': 60,
                     'dailyLoss': {'amount': 1000, 'anchor': 'DAY_START_MAX'},
                     'maxLoss': {'pct': 4, 'mode': 'TRAILING_EOD_BALANCE', 'lockAt': 'INITIAL'},
                     'consistency': {'maxBestDayPct': 45.5, 'strict': true}}""");
            RuleSet first = PlanDocument.read(doc, true);

            assertThat(PlanDocument.read(PlanDocument.write(first), true)).isEqualTo(first);
        }

        @Test
        void writeSpellsOutEveryDefault() {
            JsonObject written = PlanDocument.write(PlanDocument.read(BASE, true));

            assertThat(written).isEqualTo(json("""
                    { "code": "base-50k", "name": null, "currency": "USD", "initialBalance": 50000,
                      "dayBoundary": { "zone": "America/Chicago", "time": "17:00" },
                      "breachWhen": "BELOW",
                      "phases": [ { "name": "Phase 1", "kind": "EVALUATION", "review": false,
                                    "profitTarget": { "pct": 8 }, "requireFlat": true, "minTradingDays": 0,
                                    "maxDays": null, "inactivityDays": null,
                                    "dailyLoss": { "pct": 5, "of": "INITIAL", "anchor": "DAY_START_BALANCE",
                                                   "check": "INTRADAY", "onBreach": "FAIL" },
                                    "maxLoss": { "pct": 10, "mode": "STATIC", "lockAt": null },
                                    "consistency": null } ] }
                    """));
        }

        @Test
        void writeOmitsOfForAnAmountAllowanceAndWritesInitialPlusLock() {
            JsonObject doc = with(with("/phases/0/dailyLoss", "{'amount': 1000}"),
                    "/phases/0/maxLoss", "{'amount': 2000, 'mode': 'TRAILING_CLOSED_BALANCE', 'lockAt': {'initialPlus': 100}}");

            JsonObject phase = PlanDocument.write(PlanDocument.read(doc, true)).getJsonArray("phases").getJsonObject(0);

            assertThat(phase.getJsonObject("dailyLoss")).isEqualTo(json(
                    "{\"amount\": 1000, \"anchor\": \"DAY_START_BALANCE\", \"check\": \"INTRADAY\", \"onBreach\": \"FAIL\"}"));
            assertThat(phase.getJsonObject("maxLoss")).isEqualTo(json(
                    "{\"amount\": 2000, \"mode\": \"TRAILING_CLOSED_BALANCE\", \"lockAt\": {\"initialPlus\": 100}}"));
        }

        @Test
        void writeIsCanonicalWithoutTrailingZerosOrExponents() {
            JsonObject doc = with(with("/initialBalance", "1.0E+5"), "/phases/0/dailyLoss/pct", "5.00");

            JsonObject written = PlanDocument.write(PlanDocument.read(doc, true));

            assertThat(written.get("initialBalance").toString()).isEqualTo("100000");
            assertThat(written.getJsonArray("phases").getJsonObject(0).getJsonObject("dailyLoss").get("pct")
                    .toString()).isEqualTo("5");
        }

        @Test
        void writeOfAReadCanonicalDocumentIsStable() {
            JsonObject once = PlanDocument.write(PlanDocument.read(EXAMPLE, true));

            assertThat(PlanDocument.write(PlanDocument.read(once, true))).isEqualTo(once);
        }
    }

    // ---------------------------------------------------------------- plan-level validation

    @Nested
    class PlanFields {

        @Test
        void rejectsMissingCodeWhenRequired() {
            assertRejectedAt(without(BASE, "/code"), "code", Kind.VALUE);
        }

        @Test
        void acceptsMissingCodeWhenNotRequired() {
            assertThat(PlanDocument.read(without(BASE, "/code"), false).code()).isNull();
        }

        @ParameterizedTest(name = "code \"{0}\"")
        @ValueSource(strings = {"Upper-Case", "-leading-dash", "has space", "ünïcode", "semi;colon"})
        void rejectsCodeNotMatchingThePattern(String code) {
            assertRejectedAt(with("/code", Json.createValue(code).toString()), "code", Kind.VALUE);
        }

        @Test
        void acceptsCodeOfSixtyFourCharacters() {
            String code = "a".repeat(64);

            assertThat(PlanDocument.read(with("/code", "'" + code + "'"), true).code()).isEqualTo(code);
        }

        @Test
        void rejectsCodeLongerThanSixtyFourCharacters() {
            assertRejectedAt(with("/code", "'" + "a".repeat(65) + "'"), "code", Kind.VALUE);
        }

        @Test
        void rejectsCodeThatIsNotAString() {
            assertRejectedAt(with("/code", "42"), "code", Kind.TYPE);
        }

        @Test
        void rejectsBlankName() {
            assertRejectedAt(with("/name", "'  '"), "name", Kind.VALUE);
        }

        @Test
        void rejectsStringInitialBalanceAsTypeError() {
            assertRejectedAt(with("/initialBalance", "'100000'"), "initialBalance", Kind.TYPE);
        }

        @ParameterizedTest(name = "initialBalance {0}")
        @ValueSource(strings = {"0", "-1", "1000000000000.01", "1e13"})
        void rejectsNonPositiveOrAbsurdInitialBalance(String balance) {
            assertRejectedAt(with("/initialBalance", balance), "initialBalance", Kind.VALUE);
        }

        @Test
        void acceptsInitialBalanceOfExactlyTenToTheTwelfth() {
            assertThat(PlanDocument.read(with("/initialBalance", "1000000000000"), true).initialBalance())
                    .isEqualByComparingTo("1000000000000");
        }

        @Test
        void rejectsMissingInitialBalance() {
            assertRejectedAt(without(BASE, "/initialBalance"), "initialBalance", Kind.VALUE);
        }

        @ParameterizedTest(name = "currency \"{0}\"")
        @ValueSource(strings = {"XYZ", "usd", "US", "DOLLAR"})
        void rejectsUnknownCurrency(String currency) {
            assertRejectedAt(with("/currency", "'" + currency + "'"), "currency", Kind.VALUE);
        }

        @Test
        void rejectsUnknownBreachWhen() {
            assertRejectedAt(with("/breachWhen", "'AT'"), "breachWhen", Kind.VALUE);
        }

        @Test
        void rejectsMissingDayBoundary() {
            assertRejectedAt(without(BASE, "/dayBoundary"), "dayBoundary", Kind.VALUE);
        }

        @Test
        void rejectsDayBoundaryThatIsNotAnObject() {
            assertRejectedAt(with("/dayBoundary", "'Europe/Prague 00:00'"), "dayBoundary", Kind.TYPE);
        }

        @Test
        void rejectsDayBoundaryWithoutZone() {
            assertRejectedAt(without(BASE, "/dayBoundary/zone"), "dayBoundary.zone", Kind.VALUE);
        }

        @ParameterizedTest(name = "zone \"{0}\"")
        @ValueSource(strings = {"Mars/Base", "+02:00", "UTC+2", "europe/prague"})
        void rejectsZoneThatIsNotAnIanaId(String zone) {
            assertRejectedAt(with("/dayBoundary/zone", "'" + zone + "'"), "dayBoundary.zone", Kind.VALUE);
        }

        @ParameterizedTest(name = "time \"{0}\"")
        @ValueSource(strings = {"7:00", "07:00:00", "12:60", "25:00", "noon", "0700", "7:00 PM"})
        void rejectsTimeThatIsNotHhMm(String time) {
            assertRejectedAt(with("/dayBoundary/time", "'" + time + "'"), "dayBoundary.time", Kind.VALUE);
        }

        /** "24:00" is not a time of day (HH is 00-23); it must not be read as midnight. */
        @Test
        void rejectsTwentyFourHundredAsBoundaryTime() {
            assertRejectedAt(with("/dayBoundary/time", "'24:00'"), "dayBoundary.time", Kind.VALUE);
        }

        @Test
        void acceptsLastMinuteOfTheDayAsBoundaryTime() {
            assertThat(PlanDocument.read(with("/dayBoundary/time", "'23:59'"), true).dayBoundary().time())
                    .isEqualTo(LocalTime.of(23, 59));
        }

        @Test
        void rejectsDocumentThatIsAnArrayAsTypeError() {
            assertThat(rejection(value("[]"), true).violations())
                    .extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("", Kind.TYPE));
        }

        @Test
        void rejectsMissingPhases() {
            assertRejectedAt(without(BASE, "/phases"), "phases", Kind.VALUE);
        }

        @Test
        void rejectsPhasesThatIsNotAnArray() {
            assertRejectedAt(with("/phases", "{}"), "phases", Kind.TYPE);
        }

        @Test
        void rejectsEmptyPhasesArray() {
            assertRejectedAt(with("/phases", "[]"), "phases", Kind.VALUE);
        }

        @Test
        void acceptsTenPhasesAndRejectsEleven() {
            JsonArrayBuilder ten = Json.createArrayBuilder();
            for (int i = 0; i < 10; i++) {
                ten.add(BASE.getJsonArray("phases").get(0));
            }
            JsonObject tenPhases = Json.createObjectBuilder(BASE).add("phases", ten).build();
            JsonObject elevenPhases = Json.createPointer("/phases/-").add(tenPhases, BASE.getJsonArray("phases").get(0));

            assertThat(PlanDocument.read(tenPhases, true).phases()).hasSize(10);
            assertRejectedAt(elevenPhases, "phases", Kind.VALUE);
        }

        @Test
        void rejectsPhaseThatIsNotAnObject() {
            assertRejectedAt(with("/phases/0", "'Challenge'"), "phases[0]", Kind.TYPE);
        }

        @Test
        void prefixesPathsOfAPlanNestedInALargerDocument() {
            JsonObject simulation = Json.createObjectBuilder()
                    .add("plan", with("/phases/0/dailyLoss/pct", "0")).build();

            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> PlanDocument.read(simulation.get("plan"), "plan", false));

            assertThat(e.violations()).extracting(Violation::path).containsExactly("plan.phases[0].dailyLoss.pct");
        }
    }

    // ---------------------------------------------------------------- unknown fields

    @ParameterizedTest(name = "unknown field at {1}")
    @CsvSource(delimiter = '|', value = {
            "/extra                        | extra",
            "/dayBoundary/offset           | dayBoundary.offset",
            "/phases/0/target              | phases[0].target",
            "/phases/0/profitTarget/ratio  | phases[0].profitTarget.ratio",
            "/phases/0/dailyLoss/percent   | phases[0].dailyLoss.percent",
            "/phases/0/maxLoss/trailing    | phases[0].maxLoss.trailing",
            "/phases/0/consistency/limit   | phases[0].consistency.limit",
            "/phases/0/maxLoss/lockAt/plus | phases[0].maxLoss.lockAt.plus"})
    void rejectsUnknownFieldAtEveryLevel(String pointer, String path) {
        JsonObject base = with(with("/phases/0/consistency", "{'maxBestDayPct': 50}"),
                "/phases/0/maxLoss", "{'pct': 10, 'mode': 'TRAILING_EOD_BALANCE', 'lockAt': {'initialPlus': 100}}");
        assertThat(PlanDocument.read(base, true)).isNotNull();

        assertRejectedAt(with(base, pointer, "1"), path, Kind.VALUE);
    }

    // ---------------------------------------------------------------- phase validation

    @Nested
    class PhaseFields {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "kind           | 'PRACTICE'",
                "dailyLoss/of   | 'BALANCE'",
                "dailyLoss/anchor | 'DAY_END_BALANCE'",
                "dailyLoss/check  | 'HOURLY'",
                "dailyLoss/onBreach | 'WARN'",
                "maxLoss/mode   | 'TRAILING'"})
        void rejectsUnknownEnumValue(String field, String json) {
            assertRejectedAt(with("/phases/0/" + field, json), "phases[0]." + field.replace('/', '.'), Kind.VALUE);
        }

        @Test
        void rejectsEnumGivenInLowerCase() {
            assertRejectedAt(with("/phases/0/kind", "'funded'"), "phases[0].kind", Kind.VALUE);
        }

        @Test
        void rejectsEnumThatIsNotAString() {
            assertRejectedAt(with("/phases/0/kind", "1"), "phases[0].kind", Kind.TYPE);
        }

        @Test
        void rejectsReviewThatIsNotABoolean() {
            assertRejectedAt(with("/phases/0/review", "'yes'"), "phases[0].review", Kind.TYPE);
        }

        @Test
        void rejectsBlankPhaseName() {
            assertRejectedAt(with("/phases/0/name", "''"), "phases[0].name", Kind.VALUE);
        }

        @Test
        void rejectsFundedPhaseWithProfitTarget() {
            assertRejectedAt(with("/phases/0/kind", "'FUNDED'"), "phases[0].profitTarget", Kind.VALUE);
        }

        @Test
        void rejectsNegativeMinTradingDays() {
            assertRejectedAt(with("/phases/0/minTradingDays", "-1"), "phases[0].minTradingDays", Kind.VALUE);
        }

        @Test
        void rejectsFractionalMinTradingDaysAsTypeError() {
            assertRejectedAt(with("/phases/0/minTradingDays", "1.5"), "phases[0].minTradingDays", Kind.TYPE);
        }

        @Test
        void rejectsMaxDaysOfZero() {
            assertRejectedAt(with("/phases/0/maxDays", "0"), "phases[0].maxDays", Kind.VALUE);
        }

        @Test
        void rejectsDaysBeyondTenYears() {
            assertRejectedAt(with("/phases/0/maxDays", "3651"), "phases[0].maxDays", Kind.VALUE);
        }

        @Test
        void rejectsRuleThatIsNotAnObject() {
            assertRejectedAt(with("/phases/0/dailyLoss", "5"), "phases[0].dailyLoss", Kind.TYPE);
        }
    }

    // ---------------------------------------------------------------- allowances

    @Nested
    class Allowances {

        @ParameterizedTest(name = "pct {0}")
        @ValueSource(strings = {"0", "100.0001", "-5"})
        void rejectsPctOutsideZeroExclusiveToHundred(String pct) {
            assertRejectedAt(with("/phases/0/dailyLoss/pct", pct), "phases[0].dailyLoss.pct", Kind.VALUE);
        }

        @Test
        void acceptsPctOfExactlyHundred() {
            assertThat(PlanDocument.read(with("/phases/0/maxLoss/pct", "100"), true).phase(0).maxLoss().allowance())
                    .isEqualTo(new Allowance.Percent(dec("100")));
        }

        @Test
        void rejectsPctGivenAsStringAsTypeError() {
            assertRejectedAt(with("/phases/0/profitTarget/pct", "'10%'"), "phases[0].profitTarget.pct", Kind.TYPE);
        }

        @Test
        void rejectsPctWithMoreThanEightDecimals() {
            assertRejectedAt(with("/phases/0/dailyLoss/pct", "5.000000001"), "phases[0].dailyLoss.pct", Kind.VALUE);
        }

        @ParameterizedTest(name = "amount {0}")
        @ValueSource(strings = {"0", "-100"})
        void rejectsNonPositiveAmount(String amount) {
            assertRejectedAt(with("/phases/0/maxLoss", "{'amount': " + amount + "}"), "phases[0].maxLoss.amount",
                    Kind.VALUE);
        }

        @Test
        void rejectsDailyLossAmountAboveInitialBalance() {
            assertRejectedAt(with("/phases/0/dailyLoss", "{'amount': 50000.01}"), "phases[0].dailyLoss.amount",
                    Kind.VALUE);
        }

        @Test
        void rejectsMaxLossAmountAboveInitialBalance() {
            assertRejectedAt(with("/phases/0/maxLoss", "{'amount': 60000}"), "phases[0].maxLoss.amount", Kind.VALUE);
        }

        @Test
        void acceptsLossAmountEqualToInitialBalance() {
            assertThat(PlanDocument.read(with("/phases/0/maxLoss", "{'amount': 50000}"), true).phase(0).maxLoss()
                    .allowance()).isEqualTo(new Allowance.Fixed(dec("50000")));
        }

        @Test
        void acceptsProfitTargetAmountAboveInitialBalance() {
            assertThat(PlanDocument.read(with("/phases/0/profitTarget", "{'amount': 75000}"), true).phase(0)
                    .profitTarget()).isEqualTo(new ProfitTarget(new Allowance.Fixed(dec("75000"))));
        }

        @Test
        void rejectsDailyLossWithBothPctAndAmount() {
            assertRejectedAt(with("/phases/0/dailyLoss", "{'pct': 5, 'amount': 2500}"), "phases[0].dailyLoss.amount",
                    Kind.VALUE);
        }

        @Test
        void rejectsDailyLossWithNeitherPctNorAmount() {
            assertRejectedAt(with("/phases/0/dailyLoss", "{'anchor': 'DAY_START_EQUITY'}"), "phases[0].dailyLoss.pct",
                    Kind.VALUE);
        }

        @Test
        void rejectsOfGivenWithAnAmount() {
            assertRejectedAt(with("/phases/0/dailyLoss", "{'amount': 1000, 'of': 'INITIAL'}"),
                    "phases[0].dailyLoss.of", Kind.VALUE);
        }
    }

    // ---------------------------------------------------------------- maxLoss.lockAt and consistency

    @Nested
    class LockAndConsistency {

        private JsonObject trailingWithLock(String lockAt) {
            return with("/phases/0/maxLoss", "{'amount': 2000, 'mode': 'TRAILING_EOD_BALANCE', 'lockAt': " + lockAt + "}");
        }

        @Test
        void readsLockAtInitial() {
            assertThat(PlanDocument.read(trailingWithLock("'INITIAL'"), true).phase(0).maxLoss().lockAt())
                    .isEqualTo(new MaxLossRule.Lock.AtInitial());
        }

        @Test
        void readsLockAtInitialPlus() {
            assertThat(PlanDocument.read(trailingWithLock("{'initialPlus': 100}"), true).phase(0).maxLoss().lockAt())
                    .isEqualTo(new MaxLossRule.Lock.InitialPlus(dec("100")));
        }

        @Test
        void rejectsLockAtInitialPlusOfZero() {
            assertRejectedAt(trailingWithLock("{'initialPlus': 0}"), "phases[0].maxLoss.lockAt.initialPlus", Kind.VALUE);
        }

        @Test
        void rejectsLockAtObjectWithoutInitialPlus() {
            assertRejectedAt(trailingWithLock("{}"), "phases[0].maxLoss.lockAt.initialPlus", Kind.VALUE);
        }

        @Test
        void rejectsLockAtNumberAsTypeError() {
            assertRejectedAt(trailingWithLock("100"), "phases[0].maxLoss.lockAt", Kind.TYPE);
        }

        @Test
        void rejectsLockAtUnknownString() {
            assertRejectedAt(trailingWithLock("'BREAKEVEN'"), "phases[0].maxLoss.lockAt", Kind.VALUE);
        }

        @Test
        void rejectsLockAtWithStaticMode() {
            assertRejectedAt(with("/phases/0/maxLoss", "{'pct': 10, 'mode': 'STATIC', 'lockAt': 'INITIAL'}"),
                    "phases[0].maxLoss.lockAt", Kind.VALUE);
        }

        @Test
        void rejectsLockAtWithDefaultStaticMode() {
            assertRejectedAt(with("/phases/0/maxLoss", "{'pct': 10, 'lockAt': {'initialPlus': 100}}"),
                    "phases[0].maxLoss.lockAt", Kind.VALUE);
        }

        @ParameterizedTest(name = "maxBestDayPct {0}")
        @ValueSource(strings = {"0", "101", "-1"})
        void rejectsMaxBestDayPctOutOfRange(String pct) {
            assertRejectedAt(with("/phases/0/consistency", "{'maxBestDayPct': " + pct + "}"),
                    "phases[0].consistency.maxBestDayPct", Kind.VALUE);
        }

        @Test
        void acceptsMaxBestDayPctOfHundred() {
            assertThat(PlanDocument.read(with("/phases/0/consistency", "{'maxBestDayPct': 100}"), true).phase(0)
                    .consistency()).isEqualTo(new ConsistencyRule(dec("100"), false));
        }

        @Test
        void rejectsConsistencyWithoutMaxBestDayPct() {
            assertRejectedAt(with("/phases/0/consistency", "{'strict': true}"),
                    "phases[0].consistency.maxBestDayPct", Kind.VALUE);
        }

        @Test
        void rejectsStrictThatIsNotABoolean() {
            assertRejectedAt(with("/phases/0/consistency", "{'maxBestDayPct': 50, 'strict': 1}"),
                    "phases[0].consistency.strict", Kind.TYPE);
        }
    }

    // ---------------------------------------------------------------- many problems at once

    @Nested
    class ManyProblems {

        @Test
        void reportsEveryProblemOfTheDocumentAtOnce() {
            JsonObject doc = json("""
                    { "code": "Bad Code", "currency": "XYZ", "initialBalance": "lots",
                      "dayBoundary": { "zone": "Mars/Base", "time": "7:00" },
                      "phases": [
                        { "kind": "FUNDED", "profitTarget": { "pct": 10 }, "dailyLoss": { "pct": 0 } },
                        { "minTradingDays": -1, "maxLoss": { "pct": 10, "lockAt": 5 }, "colour": "red" } ] }
                    """);

            InvalidInputException e = rejection(doc, true);

            assertThat(e.violations()).extracting(Violation::path, Violation::kind).containsExactlyInAnyOrder(
                    tuple("code", Kind.VALUE),
                    tuple("currency", Kind.VALUE),
                    tuple("initialBalance", Kind.TYPE),
                    tuple("dayBoundary.zone", Kind.VALUE),
                    tuple("dayBoundary.time", Kind.VALUE),
                    tuple("phases[0].profitTarget", Kind.VALUE),
                    tuple("phases[0].dailyLoss.pct", Kind.VALUE),
                    tuple("phases[1].colour", Kind.VALUE),
                    tuple("phases[1].minTradingDays", Kind.VALUE),
                    tuple("phases[1].maxLoss.lockAt", Kind.TYPE));
            assertThat(e.isMalformed()).isTrue();
            assertThat(e.getMessage()).contains("(and 9 more)");
        }

        @Test
        void documentWithOnlyValueProblemsIsNotMalformed() {
            JsonObject doc = with(with("/currency", "'XYZ'"), "/phases/0/dailyLoss/pct", "0");

            InvalidInputException e = rejection(doc, true);

            assertThat(e.violations()).hasSize(2);
            assertThat(e.isMalformed()).isFalse();
        }

        @Test
        void documentWithATypeProblemIsMalformed() {
            JsonObject doc = with(with("/currency", "'XYZ'"), "/phases/0/review", "'no'");

            assertThat(rejection(doc, true).isMalformed()).isTrue();
        }
    }
}
