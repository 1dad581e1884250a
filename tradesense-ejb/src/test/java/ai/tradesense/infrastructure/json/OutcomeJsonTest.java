package ai.tradesense.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.tradesense.domain.rules.FailureRule;
import ai.tradesense.domain.rules.Outcome;

class OutcomeJsonTest {

    @Test
    void writesAFailureWithItsTypeAndEveryComponent() {
        JsonObject json = OutcomeJson.write(new Outcome.Failed(FailureRule.MAX_LOSS,
                Instant.parse("2026-03-02T14:20:00Z"), new BigDecimal("47900.00"), new BigDecimal("47899.99")));

        assertThat(json.keySet()).containsExactly("type", "rule", "at", "floor", "equity");
        assertThat(json.getString("type")).isEqualTo("FAILED");
        assertThat(json.getString("rule")).isEqualTo("MAX_LOSS");
        assertThat(json.getString("at")).isEqualTo("2026-03-02T14:20:00Z");
        assertThat(json.getJsonNumber("floor").bigDecimalValue()).isEqualByComparingTo("47900");
        assertThat(json.getJsonNumber("equity").bigDecimalValue()).isEqualByComparingTo("47899.99");
    }

    @Test
    void writesATimeRuleFailureWithANullFloor() {
        JsonObject json = OutcomeJson.write(new Outcome.Failed(FailureRule.TIME_LIMIT,
                Instant.parse("2026-04-01T22:00:00Z"), null, new BigDecimal("50100")));

        assertThat(json.isNull("floor")).isTrue();
    }

    @Test
    void writesOutcomesInTheOrderTheyHappened() {
        JsonArray json = OutcomeJson.write(List.of(
                new Outcome.DayRolled(Instant.parse("2026-03-02T23:00:00Z")),
                new Outcome.TradingDayCounted(LocalDate.parse("2026-03-03"), 2),
                new Outcome.Paused(Instant.parse("2026-03-03T23:00:00Z"))));

        assertThat(json.getValuesAs(JsonObject.class)).extracting(o -> o.getString("type"))
                .containsExactly("DAY_ROLLED", "TRADING_DAY_COUNTED", "PAUSED");
        assertThat(json.getJsonObject(1).getString("day")).isEqualTo("2026-03-03");
        assertThat(json.getJsonObject(1).getInt("tradingDays")).isEqualTo(2);
    }
}
