package ai.tradesense.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import ai.tradesense.application.risk.AlertView;
import ai.tradesense.domain.model.alert.Alert;

/** Alert figures survive the column unchanged, and the view is written as the API has always answered it. */
class AlertJsonTest {

    private static final Instant RAISED = Instant.parse("2026-03-02T15:04:05.123456Z");

    /** Figures as the raiser stores them: the cause's figures, then trader and plan. */
    private static String stored(String figures) {
        JsonObject data = StrictJson.parse(figures).asJsonObject();
        return Json.createObjectBuilder(data).add("traderId", "trader-1").add("planCode", "two-step-100k").build()
                .toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"rule\": \"DAILY_LOSS\", \"at\": \"2026-03-02T15:00:00Z\", \"floor\": 95000, \"equity\": 94999.5}",
        "{\"rule\": \"TIME_LIMIT\", \"at\": \"2026-03-02T15:00:00Z\"}",
        "{\"floor\": \"MAX_LOSS\", \"level\": 80, \"used\": 8000.25, \"equity\": 91999.75, \"roomLeft\": 1999.75,"
                + " \"tradingDay\": \"2026-03-02\"}",
        "{\"lastEquityAt\": \"2026-03-02T14:00:00.500Z\", \"openTrades\": 2, \"staleAfterMinutes\": 30}"})
    void storedFiguresReadBackToTheSameDocument(String figures) {
        String stored = stored(figures);
        AlertDataConverter converter = new AlertDataConverter();

        assertThat(converter.convertToDatabaseColumn(converter.convertToEntityAttribute(stored))).isEqualTo(stored);
    }

    @Test
    void figuresOfNoKnownCauseAreRefused() {
        assertThatThrownBy(() -> new AlertDataConverter().convertToEntityAttribute("{\"x\": 1}"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void writesTheViewAsTheApiAnswersIt() {
        String stored = stored("{\"floor\": \"DAILY_LOSS\", \"level\": 95, \"used\": 4750, \"equity\": 95250,"
                + " \"roomLeft\": 250, \"tradingDay\": \"2026-03-02\"}");
        Alert alert = new Alert("a-1", "c-1", "DAILY_LOSS_95", Alert.Severity.CRITICAL, "DAILY_LOSS_95:2026-03-02",
                "DAILY_LOSS room 95% used", new AlertDataConverter().convertToEntityAttribute(stored), RAISED);

        assertThat(AlertJson.write(AlertView.of(alert)).toString()).isEqualTo(asAlwaysWritten(alert, stored));

        alert.acknowledge("risk:rita", "called the trader", RAISED.plusSeconds(60));
        assertThat(AlertJson.write(AlertView.of(alert)).toString()).isEqualTo(asAlwaysWritten(alert, stored));
    }

    /** The view as it was written before alerts had typed figures, from the stored text. */
    private static String asAlwaysWritten(Alert alert, String storedData) {
        JsonObject data = StrictJson.parse(storedData).asJsonObject();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", alert.id())
                .add("challengeId", alert.challengeId())
                .add("traderId", data.getOrDefault("traderId", JsonValue.NULL))
                .add("planCode", data.getOrDefault("planCode", JsonValue.NULL))
                .add("kind", alert.kind())
                .add("severity", alert.severity().name())
                .add("message", alert.message())
                .add("data", data)
                .add("raisedAt", alert.raisedAt().toString());
        json.add("acknowledgedAt", alert.acknowledgedAt() == null ? JsonValue.NULL
                : Json.createValue(alert.acknowledgedAt().toString()));
        json.add("acknowledgedBy", alert.acknowledgedBy() == null ? JsonValue.NULL
                : Json.createValue(alert.acknowledgedBy()));
        json.add("note", alert.note() == null ? JsonValue.NULL : Json.createValue(alert.note()));
        return json.build().toString();
    }
}
