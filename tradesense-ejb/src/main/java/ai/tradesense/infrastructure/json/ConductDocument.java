package ai.tradesense.infrastructure.json;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.rules.Allowance;
import ai.tradesense.domain.rules.CalendarEntry;
import ai.tradesense.domain.rules.ConductRule;
import ai.tradesense.domain.rules.ConductRules;
import ai.tradesense.domain.rules.OnViolation;

/**
 * A phase's {@code conduct} block (DESIGN §3b, {@code docs/rules.md} §19), read strictly (each problem named by
 * its JSON path, e.g. {@code phases[0].conduct.maxLotsPerTrade.lots}) and written with every default spelled out.
 */
final class ConductDocument {

    static final int MAX_COUNT = 10_000;
    static final int MAX_SECONDS = 7 * 24 * 3600;
    static final int MAX_NEWS_SECONDS = 24 * 3600;
    static final int NEWS_DEFAULT_SECONDS = 120;

    private static final Set<String> FIELDS = Set.of("maxLotsPerTrade", "maxOpenLots", "maxOpenTrades",
            "maxTradesPerDay", "minHold", "stopLoss", "riskPerTrade", "flatBy", "news");
    private static final Set<String> LOTS = Set.of("lots", "onViolation");
    private static final Set<String> COUNT = Set.of("count", "onViolation");
    private static final Set<String> SECONDS = Set.of("seconds", "onViolation");
    private static final Set<String> WITHIN = Set.of("withinSeconds", "onViolation");
    private static final Set<String> RISK = Set.of("pct", "amount", "onViolation");
    private static final Set<String> FLAT_BY = Set.of("day", "time", "zone", "onViolation");
    private static final Set<String> NEWS = Set.of("beforeSeconds", "afterSeconds", "impact", "onViolation");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private ConductDocument() {
    }

    /** The block at {@code path}; null (with violations) when it is wrong. */
    static ConductRules read(StrictJson json, JsonValue value, String path, BigDecimal initial) {
        StrictJson.Obj c = json.object(value, path, FIELDS);
        if (c == null) {
            return null;
        }
        int before = json.violationCount();
        ConductRules.Lots maxLotsPerTrade = rule(json, c, "maxLotsPerTrade", LOTS, ConductRule.MAX_LOTS_PER_TRADE,
                (o, a) -> lots(json, o, a));
        ConductRules.Lots maxOpenLots = rule(json, c, "maxOpenLots", LOTS, ConductRule.MAX_OPEN_LOTS,
                (o, a) -> lots(json, o, a));
        ConductRules.Count maxOpenTrades = rule(json, c, "maxOpenTrades", COUNT, ConductRule.MAX_OPEN_TRADES,
                (o, a) -> count(json, o, a));
        ConductRules.Count maxTradesPerDay = rule(json, c, "maxTradesPerDay", COUNT, ConductRule.MAX_TRADES_PER_DAY,
                (o, a) -> count(json, o, a));
        ConductRules.Seconds minHold = rule(json, c, "minHold", SECONDS, ConductRule.MIN_HOLD,
                (o, a) -> seconds(json, o, "seconds", a));
        ConductRules.Seconds stopLoss = rule(json, c, "stopLoss", WITHIN, ConductRule.STOP_LOSS_MISSING,
                (o, a) -> seconds(json, o, "withinSeconds", a));
        ConductRules.Risk risk = rule(json, c, "riskPerTrade", RISK, ConductRule.RISK_PER_TRADE, (o, a) -> {
            Allowance allowance = PlanDocument.readAllowance(json, o, initial);
            return allowance == null ? null : new ConductRules.Risk(allowance, a);
        });
        List<ConductRules.FlatBy> flatBy = flatBy(json, c);
        ConductRules.News news = rule(json, c, "news", NEWS, ConductRule.NEWS_TRADING, (o, a) -> news(json, o, a));
        if (json.violationCount() > before) {
            return null;
        }
        return new ConductRules(maxLotsPerTrade, maxOpenLots, maxOpenTrades, maxTradesPerDay, minHold, stopLoss,
                risk, flatBy, news);
    }

    private interface RuleReader<T> {
        T read(StrictJson.Obj rule, OnViolation action);
    }

    private static <T> T rule(StrictJson json, StrictJson.Obj c, String name, Set<String> fields, ConductRule rule,
                              RuleReader<T> reader) {
        if (!c.has(name)) {
            return null;
        }
        StrictJson.Obj o = json.object(c.raw(name), c.path(name), fields);
        if (o == null) {
            return null;
        }
        OnViolation action = onViolation(json, o, rule);
        return action == null ? null : reader.read(o, action);
    }

    private static OnViolation onViolation(StrictJson json, StrictJson.Obj o, ConductRule rule) {
        int before = json.violationCount();
        OnViolation action = o.enumValue("onViolation", OnViolation.class, OnViolation.FAIL);
        if (json.violationCount() > before) {
            return null;
        }
        if (action == OnViolation.EXCLUDE && !rule.allowsExclude()) {
            json.violation(o.path("onViolation"), Kind.VALUE, "EXCLUDE is allowed only for minHold and news");
            return null;
        }
        return action;
    }

    private static ConductRules.Lots lots(StrictJson json, StrictJson.Obj o, OnViolation action) {
        BigDecimal lots = o.decimal("lots", true);
        if (lots != null && lots.signum() <= 0) {
            json.violation(o.path("lots"), Kind.VALUE, "must be greater than 0");
            return null;
        }
        return lots == null ? null : new ConductRules.Lots(lots, action);
    }

    private static ConductRules.Count count(StrictJson json, StrictJson.Obj o, OnViolation action) {
        Integer count = required(json, o, "count", 1, MAX_COUNT);
        return count == null ? null : new ConductRules.Count(count, action);
    }

    private static ConductRules.Seconds seconds(StrictJson json, StrictJson.Obj o, String name, OnViolation action) {
        Integer seconds = required(json, o, name, 1, MAX_SECONDS);
        return seconds == null ? null : new ConductRules.Seconds(seconds, action);
    }

    private static Integer required(StrictJson json, StrictJson.Obj o, String name, int min, int max) {
        if (!o.has(name)) {
            json.violation(o.path(name), Kind.VALUE, "is required");
            return null;
        }
        return o.integer(name, null, min, max);
    }

    private static List<ConductRules.FlatBy> flatBy(StrictJson json, StrictJson.Obj c) {
        List<ConductRules.FlatBy> list = new ArrayList<>();
        JsonArray array = c.array("flatBy", false);
        if (array == null) {
            return list;
        }
        if (array.size() > 14) {
            json.violation(c.path("flatBy"), Kind.VALUE, "has more than 14 instants");
            return list;
        }
        for (int i = 0; i < array.size(); i++) {
            String path = c.path("flatBy") + "[" + i + "]";
            StrictJson.Obj o = json.object(array.get(i), path, FLAT_BY);
            if (o == null) {
                continue;
            }
            OnViolation action = onViolation(json, o, ConductRule.WEEKEND_HOLDING);
            DayOfWeek day = o.enumValue("day", DayOfWeek.class, null);
            if (!o.has("day")) {
                json.violation(o.path("day"), Kind.VALUE, "is required: MONDAY … SUNDAY");
            }
            LocalTime time = null;
            String text = o.string("time", true, null);
            if (text != null) {
                try {
                    if (!text.matches("\\d{2}:\\d{2}")) {
                        throw new DateTimeParseException("not HH:mm", text, 0);
                    }
                    time = LocalTime.parse(text);
                } catch (DateTimeParseException e) {
                    json.violation(o.path("time"), Kind.VALUE, "must be a time of day as HH:mm, e.g. 22:00");
                }
            }
            String zone = o.string("zone", true, null);
            ZoneId zoneId = null;
            if (zone != null) {
                if (ZoneId.getAvailableZoneIds().contains(zone)) {
                    zoneId = ZoneId.of(zone);
                } else {
                    json.violation(o.path("zone"), Kind.VALUE, "must be an IANA time zone such as Europe/London");
                }
            }
            if (action != null && day != null && time != null && zoneId != null) {
                list.add(new ConductRules.FlatBy(day, time, zoneId, action));
            }
        }
        return list;
    }

    private static ConductRules.News news(StrictJson json, StrictJson.Obj o, OnViolation action) {
        Integer before = o.integer("beforeSeconds", NEWS_DEFAULT_SECONDS, 0, MAX_NEWS_SECONDS);
        Integer after = o.integer("afterSeconds", NEWS_DEFAULT_SECONDS, 0, MAX_NEWS_SECONDS);
        Set<CalendarEntry.Impact> impact = EnumSet.noneOf(CalendarEntry.Impact.class);
        JsonArray array = o.array("impact", false);
        if (array == null) {
            impact.add(CalendarEntry.Impact.HIGH);
        } else if (array.isEmpty()) {
            json.violation(o.path("impact"), Kind.VALUE, "needs at least one of [LOW, MEDIUM, HIGH]");
        } else {
            for (int i = 0; i < array.size(); i++) {
                String path = o.path("impact") + "[" + i + "]";
                CalendarEntry.Impact level = array.get(i) instanceof JsonString s ? impact(s.getString()) : null;
                if (level == null) {
                    json.violation(path, Kind.VALUE, "must be one of [LOW, MEDIUM, HIGH]");
                } else if (!impact.add(level)) {
                    json.violation(path, Kind.VALUE, "is listed twice");
                }
            }
        }
        return before == null || after == null || impact.isEmpty() ? null
                : new ConductRules.News(before, after, impact, action);
    }

    private static CalendarEntry.Impact impact(String text) {
        for (CalendarEntry.Impact level : CalendarEntry.Impact.values()) {
            if (level.name().equals(text)) {
                return level;
            }
        }
        return null;
    }

    /** The canonical block: every rule named, absent ones null, every onViolation and default spelled out. */
    static JsonObjectBuilder write(ConductRules c) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        put(o, "maxLotsPerTrade", c.maxLotsPerTrade(), r -> Json.createObjectBuilder()
                .add("lots", PlanDocument.number(r.lots())).add("onViolation", r.onViolation().name()));
        put(o, "maxOpenLots", c.maxOpenLots(), r -> Json.createObjectBuilder()
                .add("lots", PlanDocument.number(r.lots())).add("onViolation", r.onViolation().name()));
        put(o, "maxOpenTrades", c.maxOpenTrades(), r -> Json.createObjectBuilder()
                .add("count", r.count()).add("onViolation", r.onViolation().name()));
        put(o, "maxTradesPerDay", c.maxTradesPerDay(), r -> Json.createObjectBuilder()
                .add("count", r.count()).add("onViolation", r.onViolation().name()));
        put(o, "minHold", c.minHold(), r -> Json.createObjectBuilder()
                .add("seconds", r.seconds()).add("onViolation", r.onViolation().name()));
        put(o, "stopLoss", c.stopLoss(), r -> Json.createObjectBuilder()
                .add("withinSeconds", r.seconds()).add("onViolation", r.onViolation().name()));
        put(o, "riskPerTrade", c.riskPerTrade(), r -> PlanDocument.allowance(r.allowance())
                .add("onViolation", r.onViolation().name()));
        JsonArrayBuilder flatBy = Json.createArrayBuilder();
        for (ConductRules.FlatBy f : c.flatBy()) {
            flatBy.add(Json.createObjectBuilder().add("day", f.day().name()).add("time", f.time().format(HH_MM))
                    .add("zone", f.zone().getId()).add("onViolation", f.onViolation().name()));
        }
        o.add("flatBy", flatBy);
        put(o, "news", c.news(), r -> {
            JsonArrayBuilder impact = Json.createArrayBuilder();
            r.impact().stream().sorted().forEach(level -> impact.add(level.name()));
            return Json.createObjectBuilder().add("beforeSeconds", r.beforeSeconds())
                    .add("afterSeconds", r.afterSeconds()).add("impact", impact)
                    .add("onViolation", r.onViolation().name());
        });
        return o;
    }

    private static <T> void put(JsonObjectBuilder o, String name, T rule, Function<T, JsonObjectBuilder> writer) {
        if (rule == null) {
            o.addNull(name);
        } else {
            o.add(name, writer.apply(rule));
        }
    }
}
