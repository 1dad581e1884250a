package ai.tradesense.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.InvalidInputException.Violation;
import ai.tradesense.domain.rules.AccountState;
import ai.tradesense.domain.rules.Allowance;
import ai.tradesense.domain.rules.CalendarEntry;
import ai.tradesense.domain.rules.ConductRules;
import ai.tradesense.domain.rules.Evaluator;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.OnViolation;
import ai.tradesense.domain.rules.RuleSet;
import ai.tradesense.domain.rules.Side;

/** The conduct block of a phase: reading, defaults, canonical writing, every validation with its path. */
class ConductDocumentTest {

    private static JsonObject plan(String conduct) {
        return StrictJson.parse("""
                { "code": "c-50k", "initialBalance": 50000,
                  "dayBoundary": { "zone": "Europe/Prague", "time": "00:00" },
                  "phases": [ { "profitTarget": { "pct": 8 }, "maxLoss": { "pct": 10 }, "conduct": %s } ] }
                """.formatted(conduct.replace('\'', '"'))).asJsonObject();
    }

    private static ConductRules read(String conduct) {
        return PlanDocument.read(plan(conduct), true).phase(0).conduct();
    }

    private static List<Violation> rejected(String conduct) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> PlanDocument.read(plan(conduct), true));
        assertThat(e).as("the block must be refused").isNotNull();
        return e.violations();
    }

    @Test
    void readsEveryRuleWithItsDefaults() {
        ConductRules c = read("""
                { 'maxLotsPerTrade': { 'lots': 5 }, 'maxOpenLots': { 'lots': 12.5, 'onViolation': 'FLAG' },
                  'maxOpenTrades': { 'count': 5 }, 'maxTradesPerDay': { 'count': 20, 'onViolation': 'PAUSE' },
                  'minHold': { 'seconds': 60, 'onViolation': 'EXCLUDE' }, 'stopLoss': { 'withinSeconds': 60 },
                  'riskPerTrade': { 'pct': 2 },
                  'flatBy': [ { 'day': 'FRIDAY', 'time': '22:00', 'zone': 'Europe/London' } ],
                  'news': {} }""");
        assertThat(c.maxLotsPerTrade()).isEqualTo(new ConductRules.Lots(new BigDecimal("5"), OnViolation.FAIL));
        assertThat(c.maxOpenLots().onViolation()).isEqualTo(OnViolation.FLAG);
        assertThat(c.maxTradesPerDay()).isEqualTo(new ConductRules.Count(20, OnViolation.PAUSE));
        assertThat(c.minHold()).isEqualTo(new ConductRules.Seconds(60, OnViolation.EXCLUDE));
        assertThat(c.riskPerTrade().allowance()).isEqualTo(new Allowance.Percent(new BigDecimal("2")));
        assertThat(c.flatBy()).singleElement().extracting(ConductRules.FlatBy::day).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(c.news()).isEqualTo(new ConductRules.News(120, 120, Set.of(CalendarEntry.Impact.HIGH),
                OnViolation.FAIL));
    }

    @Test
    void writesEveryDefaultAndReadsBackTheSameRules() {
        RuleSet rules = PlanDocument.read(plan("{ 'stopLoss': { 'withinSeconds': 60 }, 'news': {} }"), true);
        JsonObject written = PlanDocument.write(rules);
        JsonObject conduct = written.getJsonArray("phases").getJsonObject(0).getJsonObject("conduct");
        assertThat(conduct.getJsonObject("stopLoss").getString("onViolation")).isEqualTo("FAIL");
        assertThat(conduct.getJsonObject("news").toString())
                .isEqualTo("{\"beforeSeconds\":120,\"afterSeconds\":120,\"impact\":[\"HIGH\"],\"onViolation\":\"FAIL\"}");
        assertThat(conduct.isNull("maxLotsPerTrade")).isTrue();
        assertThat(conduct.getJsonArray("flatBy")).isEmpty();
        assertThat(PlanDocument.read(written, true)).isEqualTo(rules);
    }

    @Test
    void aPhaseWithoutConductIsWrittenWithoutTheBlock() {
        JsonObject written = PlanDocument.write(PlanCatalogue.rules("two-step-100k"));
        assertThat(written.getJsonArray("phases").getJsonObject(0).containsKey("conduct")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{ 'maxLotsPerTrade': { 'lots': 0 } }                       | phases[0].conduct.maxLotsPerTrade.lots          | VALUE",
        "{ 'maxLotsPerTrade': { 'lots': 'five' } }                  | phases[0].conduct.maxLotsPerTrade.lots          | TYPE",
        "{ 'maxLotsPerTrade': {} }                                  | phases[0].conduct.maxLotsPerTrade.lots          | VALUE",
        "{ 'maxLots': { 'lots': 1 } }                               | phases[0].conduct.maxLots                       | VALUE",
        "{ 'maxOpenTrades': { 'count': 2, 'max': 3 } }              | phases[0].conduct.maxOpenTrades.max             | VALUE",
        "{ 'maxOpenTrades': { 'count': 1.5 } }                      | phases[0].conduct.maxOpenTrades.count           | TYPE",
        "{ 'maxTradesPerDay': { 'count': 0 } }                      | phases[0].conduct.maxTradesPerDay.count         | VALUE",
        "{ 'maxOpenLots': { 'lots': 1, 'onViolation': 'EXCLUDE' } } | phases[0].conduct.maxOpenLots.onViolation       | VALUE",
        "{ 'minHold': { 'seconds': 60, 'onViolation': 'WARN' } }    | phases[0].conduct.minHold.onViolation           | VALUE",
        "{ 'stopLoss': { 'withinSeconds': 6, 'seconds': 6 } }      | phases[0].conduct.stopLoss.seconds              | VALUE",
        "{ 'riskPerTrade': { 'pct': 1, 'amount': 100 } }            | phases[0].conduct.riskPerTrade.amount           | VALUE",
        "{ 'flatBy': [ { 'day': 'FRI', 'time': '22:00', 'zone': 'UTC' } ] }   | phases[0].conduct.flatBy[0].day  | VALUE",
        "{ 'flatBy': [ { 'day': 'FRIDAY', 'time': '25:00', 'zone': 'UTC' } ] }| phases[0].conduct.flatBy[0].time | VALUE",
        "{ 'flatBy': { 'day': 'FRIDAY' } }                          | phases[0].conduct.flatBy                        | TYPE",
        "{ 'news': { 'impact': [ 'HIGH', 'SEVERE' ] } }             | phases[0].conduct.news.impact[1]                | VALUE",
        "{ 'news': { 'impact': [] } }                               | phases[0].conduct.news.impact                   | VALUE",
        "{ 'news': { 'beforeSeconds': -1 } }                        | phases[0].conduct.news.beforeSeconds            | VALUE",
        "[]                                                         | phases[0].conduct                               | TYPE"})
    void refusesAWrongBlockNamingThePath(String conduct, String path, Kind kind) {
        assertThat(rejected(conduct)).extracting(Violation::path, Violation::kind).containsExactly(tuple(path, kind));
    }

    @Test
    void aStateWithConductStateIsStoredAndReadBackAndAnOldStateWithoutItStillLoads() {
        RuleSet rules = PlanDocument.read(plan("{ 'stopLoss': { 'withinSeconds': 60 }, 'minHold': "
                + "{ 'seconds': 60, 'onViolation': 'EXCLUDE' } }"), true);
        Instant at = Instant.parse("2026-03-02T08:00:00Z");
        AccountState state = AccountState.start(rules, at);
        state = Evaluator.apply(rules, state, new Event.TradeOpened("t1", at.plusSeconds(5), "EURUSD", Side.BUY,
                BigDecimal.ONE, new BigDecimal("1.085"))).state();
        AccountStateConverter converter = new AccountStateConverter();
        String text = converter.convertToDatabaseColumn(state);
        assertThat(converter.convertToEntityAttribute(text)).isEqualTo(state);

        JsonObject stored = StrictJson.parse(text).asJsonObject();
        String old = jakarta.json.Json.createObjectBuilder(stored).remove("conduct").build().toString();
        AccountState oldState = new AccountStateConverter().convertToEntityAttribute(old);
        assertThat(oldState.conduct().open()).isEmpty();
        assertThat(oldState.excludedProfit()).isEqualByComparingTo("0");
    }
}
