package ai.tradesense.infrastructure.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.StrictJson;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.EventType;
import ai.tradesense.domain.rules.Side;

/**
 * The event format of the platform bridge, simulations and replays: reads one event strictly (every
 * problem named by its JSON path, e.g. {@code events[3].equity}) and writes an event back.
 */
public final class EventDocument {

    private static final int MAX_ID_LENGTH = 128;
    private static final int MAX_IP_LENGTH = 64;
    private static final Set<String> OPENED = Set.of("type", "id", "at", "symbol", "side", "volume", "price",
            "stopLoss", "takeProfit", "risk", "clientIp");
    private static final Set<String> MODIFIED = Set.of("type", "id", "at", "stopLoss", "takeProfit");
    private static final Set<String> CLOSED = Set.of("type", "id", "at", "price", "profit");
    private static final Set<String> EQUITY = Set.of("type", "id", "at", "equity");
    private static final Set<String> CLOCK = Set.of("type", "id", "at");
    private static final Set<String> PAYOUT = Set.of("type", "id", "at", "amount");
    private static final Set<String> ANY = Set.of("type", "id", "at", "symbol", "side", "volume", "price",
            "profit", "equity", "stopLoss", "takeProfit", "risk", "clientIp", "amount");

    private EventDocument() {
    }

    /** Reads one event, or collects its problems into {@code json} and returns null. */
    public static Event read(StrictJson json, JsonValue value, String path) {
        if (!(value instanceof JsonObject object)) {
            json.violation(path, Kind.TYPE, "must be a JSON object");
            return null;
        }
        StrictJson.Obj probe = json.object(object, path, ANY);
        EventType type = probe.enumValue("type", EventType.class, null);
        if (type == null) {
            if (!probe.has("type")) {
                json.violation(probe.path("type"), Kind.VALUE, "is required: one of TRADE_OPENED, TRADE_CLOSED, EQUITY, CLOCK, TRADE_MODIFIED, PAYOUT");
            }
            return null;
        }
        Set<String> allowed = switch (type) {
            case TRADE_OPENED -> OPENED;
            case TRADE_CLOSED -> CLOSED;
            case EQUITY -> EQUITY;
            case CLOCK -> CLOCK;
            case TRADE_MODIFIED -> MODIFIED;
            case PAYOUT -> PAYOUT;
        };
        for (String field : object.keySet()) {
            if (!allowed.contains(field) && ANY.contains(field)) {
                json.violation(probe.path(field), Kind.VALUE, "is not a field of a " + type + " event");
            }
        }
        boolean tradeEvent = type == EventType.TRADE_OPENED || type == EventType.TRADE_CLOSED
                || type == EventType.TRADE_MODIFIED;
        String id = probe.string("id", tradeEvent, null);
        if (id != null && (id.isBlank() || id.length() > MAX_ID_LENGTH)) {
            json.violation(probe.path("id"), Kind.VALUE, "must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        Instant at = instant(json, probe, "at");
        Event event = switch (type) {
            case TRADE_OPENED -> {
                String symbol = probe.string("symbol", true, null);
                if (symbol != null && (symbol.isBlank() || symbol.length() > 32)) {
                    json.violation(probe.path("symbol"), Kind.VALUE, "must be 1 to 32 characters");
                }
                Side side = probe.enumValue("side", Side.class, null);
                if (side == null && !probe.has("side")) {
                    json.violation(probe.path("side"), Kind.VALUE, "is required: BUY or SELL");
                }
                BigDecimal volume = positive(json, probe, "volume");
                BigDecimal price = positive(json, probe, "price");
                BigDecimal stopLoss = optionalPositive(json, probe, "stopLoss");
                BigDecimal takeProfit = optionalPositive(json, probe, "takeProfit");
                BigDecimal risk = probe.has("risk") ? probe.decimal("risk", false) : null;
                if (risk != null && risk.signum() < 0) {
                    json.violation(probe.path("risk"), Kind.VALUE, "must not be negative");
                }
                String clientIp = probe.string("clientIp", false, null);
                if (clientIp != null && (clientIp.isBlank() || clientIp.length() > MAX_IP_LENGTH)) {
                    json.violation(probe.path("clientIp"), Kind.VALUE, "must be 1 to " + MAX_IP_LENGTH + " characters");
                }
                yield json.hasViolations() ? null : new Event.TradeOpened(id, at, symbol, side, volume, price,
                        stopLoss, takeProfit, risk, clientIp);
            }
            case TRADE_CLOSED -> {
                BigDecimal price = positive(json, probe, "price");
                BigDecimal profit = probe.decimal("profit", true);
                yield json.hasViolations() ? null : new Event.TradeClosed(id, at, price, profit);
            }
            case EQUITY -> {
                BigDecimal equity = probe.decimal("equity", true);
                if (equity != null && equity.signum() < 0) {
                    json.violation(probe.path("equity"), Kind.VALUE, "must not be negative");
                }
                yield json.hasViolations() ? null : new Event.EquityUpdate(id, at, equity);
            }
            case CLOCK -> json.hasViolations() ? null : new Event.Clock(id, at);
            case TRADE_MODIFIED -> {
                BigDecimal stopLoss = optionalPositive(json, probe, "stopLoss");
                BigDecimal takeProfit = optionalPositive(json, probe, "takeProfit");
                yield json.hasViolations() ? null : new Event.TradeModified(id, at, stopLoss, takeProfit);
            }
            case PAYOUT -> {
                // No amount: the whole withdrawable (docs/rules.md §20.4).
                BigDecimal amount = probe.has("amount") ? positive(json, probe, "amount") : null;
                yield json.hasViolations() ? null : new Event.Payout(id, at, amount);
            }
        };
        return event;
    }

    /** Reads one event, throwing every problem at once. */
    public static Event read(JsonValue value, String path) {
        StrictJson json = new StrictJson();
        Event event = read(json, value, path);
        json.throwIfInvalid();
        return event;
    }

    public static JsonObject write(Event event) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("type", event.type().name());
        if (event.id() != null) {
            json.add("id", event.id());
        }
        json.add("at", event.at().toString());
        if (event instanceof Event.TradeOpened o) {
            json.add("symbol", o.symbol()).add("side", o.side().name()).add("volume", o.volume()).add("price", o.price());
            // The optional fields only when reported, so events without them keep their stored form.
            addIfGiven(json, "stopLoss", o.stopLoss());
            addIfGiven(json, "takeProfit", o.takeProfit());
            addIfGiven(json, "risk", o.risk());
            if (o.clientIp() != null) {
                json.add("clientIp", o.clientIp());
            }
        } else if (event instanceof Event.TradeModified m) {
            addIfGiven(json, "stopLoss", m.stopLoss());
            addIfGiven(json, "takeProfit", m.takeProfit());
        } else if (event instanceof Event.TradeClosed c) {
            json.add("price", c.price()).add("profit", c.profit());
        } else if (event instanceof Event.EquityUpdate e) {
            json.add("equity", e.equity());
        } else if (event instanceof Event.Payout p && p.amount() != null) {
            json.add("amount", p.amount());
        }
        return json.build();
    }

    /**
     * True when two events say the same thing: same type, id, time and values (numbers compared by
     * value, so 1 and 1.0 are the same). A repeat must be the same event to be answered as one.
     */
    public static boolean sameEvent(Event a, Event b) {
        if (a.type() != b.type() || !Objects.equals(a.id(), b.id()) || !a.at().equals(b.at())) {
            return false;
        }
        if (a instanceof Event.TradeOpened x && b instanceof Event.TradeOpened y) {
            return x.symbol().equals(y.symbol()) && x.side() == y.side() && same(x.volume(), y.volume())
                    && same(x.price(), y.price()) && sameIfGiven(x.stopLoss(), y.stopLoss())
                    && sameIfGiven(x.takeProfit(), y.takeProfit()) && sameIfGiven(x.risk(), y.risk())
                    && Objects.equals(x.clientIp(), y.clientIp());
        }
        if (a instanceof Event.TradeModified x && b instanceof Event.TradeModified y) {
            return sameIfGiven(x.stopLoss(), y.stopLoss()) && sameIfGiven(x.takeProfit(), y.takeProfit());
        }
        if (a instanceof Event.TradeClosed x && b instanceof Event.TradeClosed y) {
            return same(x.price(), y.price()) && same(x.profit(), y.profit());
        }
        if (a instanceof Event.EquityUpdate x && b instanceof Event.EquityUpdate y) {
            return same(x.equity(), y.equity());
        }
        if (a instanceof Event.Payout x && b instanceof Event.Payout y) {
            return x.amount() == null ? y.amount() == null : y.amount() != null && same(x.amount(), y.amount());
        }
        return true;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }

    private static boolean sameIfGiven(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && same(a, b);
    }

    private static void addIfGiven(JsonObjectBuilder json, String name, BigDecimal value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static BigDecimal optionalPositive(StrictJson json, StrictJson.Obj object, String name) {
        return object.has(name) ? positive(json, object, name) : null;
    }

    /** An instant in UTC ISO-8601; an offset other than Z is accepted and converted to UTC. */
    private static Instant instant(StrictJson json, StrictJson.Obj object, String name) {
        String text = object.string(name, true, null);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            json.violation(object.path(name), Kind.VALUE, "must be an ISO-8601 instant such as 2026-03-02T09:30:00Z");
            return null;
        }
    }

    private static BigDecimal positive(StrictJson json, StrictJson.Obj object, String name) {
        BigDecimal value = object.decimal(name, true);
        if (value != null && value.signum() <= 0) {
            json.violation(object.path(name), Kind.VALUE, "must be greater than 0");
        }
        return value;
    }
}
