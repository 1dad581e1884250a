package ai.tradesense.infrastructure.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import ai.tradesense.application.risk.AlertView;
import ai.tradesense.domain.model.alert.AlertData;
import ai.tradesense.domain.model.alert.AlertData.Failed;
import ai.tradesense.domain.model.alert.AlertData.RoomUsed;
import ai.tradesense.domain.model.alert.AlertData.StaleFeed;
import ai.tradesense.domain.rules.FailureRule;
import ai.tradesense.domain.rules.RiskWatch;

/**
 * Alerts as JSON: the view the API and the live ALERT message show, and the figures document stored
 * with each alert (the cause's figures in a fixed order, then the trader and plan).
 */
public final class AlertJson {

    private AlertJson() {
    }

    /** An alert as {@code GET /alerts/{id}} answers it and the ALERT live message carries it. */
    public static JsonObject write(AlertView alert) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", alert.id())
                .add("challengeId", alert.challengeId());
        text(json, "traderId", alert.traderId());
        text(json, "planCode", alert.planCode());
        json.add("kind", alert.kind())
            .add("severity", alert.severity().name())
            .add("message", alert.message())
            .add("data", writeData(alert.data()))
            .add("raisedAt", alert.raisedAt().toString());
        text(json, "acknowledgedAt", alert.acknowledgedAt() == null ? null : alert.acknowledgedAt().toString());
        text(json, "acknowledgedBy", alert.acknowledgedBy());
        text(json, "note", alert.note());
        return json.build();
    }

    /** The stored figures document. */
    public static JsonObject writeData(AlertData data) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        AlertData.Figures figures = data.figures();
        if (figures instanceof Failed failed) {
            json.add("rule", failed.rule().name()).add("at", failed.at().toString());
            if (failed.floor() != null) {
                json.add("floor", PlainNumber.of(failed.floor()));
            }
            if (failed.equity() != null) {
                json.add("equity", PlainNumber.of(failed.equity()));
            }
        } else if (figures instanceof RoomUsed room) {
            json.add("floor", room.floor().name()).add("level", room.level())
                .add("used", PlainNumber.of(room.used())).add("equity", PlainNumber.of(room.equity()))
                .add("roomLeft", PlainNumber.of(room.roomLeft())).add("tradingDay", room.tradingDay().toString());
        } else if (figures instanceof AlertData.ConductFlagged conduct) {
            json.add("conductRule", conduct.rule().name()).add("tradeId", conduct.tradeId())
                .add("action", conduct.action().name());
        } else if (figures instanceof AlertData.Surveilled surveilled) {
            json = Json.createObjectBuilder(FindingJson.write(surveilled.finding()));
        } else if (figures instanceof StaleFeed stale) {
            json.add("lastEquityAt", stale.lastEquityAt().toString())
                .add("openTrades", stale.openTrades()).add("staleAfterMinutes", stale.staleAfterMinutes());
        }
        if (data.traderId() != null) {
            json.add("traderId", data.traderId());
        }
        if (data.planCode() != null) {
            json.add("planCode", data.planCode());
        }
        return json.build();
    }

    /**
     * Reads a stored figures document; the cause is told by its figures.
     *
     * @throws IllegalStateException when the document holds no known figures
     */
    public static AlertData readData(JsonObject json) {
        AlertData.Figures figures;
        if (json.containsKey("rule")) {
            figures = new Failed(FailureRule.valueOf(json.getString("rule")), Instant.parse(json.getString("at")),
                    decimal(json, "floor"), decimal(json, "equity"));
        } else if (json.containsKey("level")) {
            figures = new RoomUsed(RiskWatch.Floor.valueOf(json.getString("floor")), json.getInt("level"),
                    decimal(json, "used"), decimal(json, "equity"), decimal(json, "roomLeft"),
                    LocalDate.parse(json.getString("tradingDay")));
        } else if (json.containsKey("conductRule")) {
            figures = new AlertData.ConductFlagged(ai.tradesense.domain.rules.ConductRule.valueOf(
                    json.getString("conductRule")), json.getString("tradeId"),
                    ai.tradesense.domain.rules.OnViolation.valueOf(json.getString("action")));
        } else if (json.containsKey("finding")) {
            figures = new AlertData.Surveilled(FindingJson.read(json));
        } else if (json.containsKey("lastEquityAt")) {
            figures = new StaleFeed(Instant.parse(json.getString("lastEquityAt")), json.getInt("openTrades"),
                    json.getJsonNumber("staleAfterMinutes").longValueExact());
        } else {
            throw new IllegalStateException("alert data of no known cause: " + json);
        }
        return new AlertData(figures, string(json, "traderId"), string(json, "planCode"));
    }

    private static BigDecimal decimal(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonNumber number ? number.bigDecimalValue() : null;
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonString text ? text.getString() : null;
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
