package ai.tradesense.infrastructure.json;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.StrictJson;
import ai.tradesense.domain.rules.Allowance;
import ai.tradesense.domain.rules.BreachWhen;
import ai.tradesense.domain.rules.ConductRules;
import ai.tradesense.domain.rules.ConsistencyRule;
import ai.tradesense.domain.rules.DailyLossRule;
import ai.tradesense.domain.rules.DayBoundary;
import ai.tradesense.domain.rules.MaxLossRule;
import ai.tradesense.domain.rules.PayoutPolicy;
import ai.tradesense.domain.rules.PhaseKind;
import ai.tradesense.domain.rules.PhaseRules;
import ai.tradesense.domain.rules.ProfitTarget;
import ai.tradesense.domain.rules.RuleSet;
import ai.tradesense.domain.rules.ScalingPolicy;

/**
 * The published plan format of DESIGN §3: reads a plan document strictly into the engine's
 * {@link RuleSet} (every field, enum and range checked, each problem named by its JSON path) and writes
 * a rule set back as its canonical document, with every default spelled out.
 */
public final class PlanDocument {

    public static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern HH_MM = Pattern.compile("\\d{2}:\\d{2}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_DAYS = 3650;

    private static final Set<String> PLAN_FIELDS = Set.of("code", "name", "currency", "initialBalance",
            "dayBoundary", "breachWhen", "phases", "surveillance");
    private static final Set<String> SURVEILLANCE_FIELDS = Set.of("allowOwnAccountCopying");
    private static final Set<String> BOUNDARY_FIELDS = Set.of("zone", "time");
    private static final Set<String> PHASE_FIELDS = Set.of("name", "kind", "review", "profitTarget",
            "requireFlat", "minTradingDays", "maxDays", "inactivityDays", "dailyLoss", "maxLoss", "consistency",
            "conduct", "payout", "scaling");
    private static final Set<String> TARGET_FIELDS = Set.of("pct", "amount");
    private static final Set<String> DAILY_FIELDS = Set.of("pct", "amount", "of", "anchor", "check", "onBreach");
    private static final Set<String> MAX_FIELDS = Set.of("pct", "amount", "mode", "lockAt");
    private static final Set<String> LOCK_FIELDS = Set.of("initialPlus");
    private static final Set<String> CONSISTENCY_FIELDS = Set.of("maxBestDayPct", "strict");

    private PlanDocument() {
    }

    /**
     * Reads a plan.
     *
     * @param document     the parsed JSON
     * @param codeRequired true to store the plan (a code is needed), false for a simulation
     * @throws ai.tradesense.domain.model.InvalidInputException listing every problem
     */
    public static RuleSet read(JsonValue document, boolean codeRequired) {
        return read(document, "", codeRequired);
    }

    /** Reads a plan nested at {@code path} of a larger document (e.g. {@code plan} of a simulation). */
    public static RuleSet read(JsonValue document, String path, boolean codeRequired) {
        StrictJson json = new StrictJson();
        StrictJson.Obj plan = json.object(document, path, PLAN_FIELDS);
        if (plan == null) {
            json.throwIfInvalid();
        }
        String code = plan.string("code", codeRequired, null);
        if (code != null && !CODE.matcher(code).matches()) {
            json.violation(plan.path("code"), Kind.VALUE,
                    "must be 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String name = plan.string("name", false, null);
        checkLength(json, plan.path("name"), name, 200);
        String currency = plan.string("currency", false, "USD");
        if (!isCurrency(currency)) {
            json.violation(plan.path("currency"), Kind.VALUE, "must be an ISO 4217 currency code such as USD");
        }
        BigDecimal initial = plan.decimal("initialBalance", true);
        if (initial != null && initial.signum() <= 0) {
            json.violation(plan.path("initialBalance"), Kind.VALUE, "must be greater than 0");
            initial = null;
        }
        DayBoundary boundary = readBoundary(json, plan);
        BreachWhen breachWhen = plan.enumValue("breachWhen", BreachWhen.class, BreachWhen.BELOW);
        List<PhaseRules> phases = new ArrayList<>();
        JsonArray phaseArray = plan.array("phases", true);
        if (phaseArray != null) {
            if (phaseArray.isEmpty()) {
                json.violation(plan.path("phases"), Kind.VALUE, "needs at least one phase");
            }
            if (phaseArray.size() > 10) {
                json.violation(plan.path("phases"), Kind.VALUE, "has more than 10 phases");
            }
            for (int i = 0; i < phaseArray.size() && i < 10; i++) {
                phases.add(readPhase(json, phaseArray.get(i), plan.path("phases") + "[" + i + "]", i, initial));
            }
        }
        boolean ownCopying = readSurveillance(json, plan);
        json.throwIfInvalid();
        return new RuleSet(code, name, currency, initial, boundary, breachWhen, phases, ownCopying);
    }

    /** {@code surveillance: {allowOwnAccountCopying}}: absent, or the flag absent, is true (DESIGN 3d). */
    private static boolean readSurveillance(StrictJson json, StrictJson.Obj plan) {
        if (!plan.has("surveillance")) {
            return true;
        }
        StrictJson.Obj surveillance = json.object(plan.raw("surveillance"), plan.path("surveillance"),
                SURVEILLANCE_FIELDS);
        return surveillance == null || surveillance.bool("allowOwnAccountCopying", true);
    }

    private static DayBoundary readBoundary(StrictJson json, StrictJson.Obj plan) {
        if (!plan.has("dayBoundary")) {
            json.violation(plan.path("dayBoundary"), Kind.VALUE, "is required, e.g. {\"zone\": \"Europe/Prague\", \"time\": \"00:00\"}");
            return null;
        }
        StrictJson.Obj boundary = json.object(plan.raw("dayBoundary"), plan.path("dayBoundary"), BOUNDARY_FIELDS);
        if (boundary == null) {
            return null;
        }
        String zone = boundary.string("zone", true, null);
        String time = boundary.string("time", true, null);
        ZoneId zoneId = null;
        if (zone != null) {
            if (ZoneId.getAvailableZoneIds().contains(zone)) {
                zoneId = ZoneId.of(zone);
            } else {
                json.violation(boundary.path("zone"), Kind.VALUE, "must be an IANA time zone such as Europe/Prague");
            }
        }
        LocalTime localTime = null;
        if (time != null) {
            try {
                if (!HH_MM.matcher(time).matches()) {
                    throw new DateTimeParseException("not HH:mm", time, 0);
                }
                // ISO parsing is strict: 24:00 is refused rather than read as midnight.
                localTime = LocalTime.parse(time);
            } catch (DateTimeParseException e) {
                json.violation(boundary.path("time"), Kind.VALUE, "must be a time of day as HH:mm, e.g. 17:00");
            }
        }
        return zoneId == null || localTime == null ? null : new DayBoundary(zoneId, localTime);
    }

    private static PhaseRules readPhase(StrictJson json, JsonValue value, String path, int index, BigDecimal initial) {
        StrictJson.Obj phase = json.object(value, path, PHASE_FIELDS);
        if (phase == null) {
            return null;
        }
        String name = phase.string("name", false, "Phase " + (index + 1));
        checkLength(json, phase.path("name"), name, 100);
        PhaseKind kind = phase.enumValue("kind", PhaseKind.class, PhaseKind.EVALUATION);
        boolean review = phase.bool("review", false);
        ProfitTarget target = null;
        if (phase.has("profitTarget")) {
            if (kind == PhaseKind.FUNDED) {
                json.violation(phase.path("profitTarget"), Kind.VALUE, "a FUNDED phase has no profit target");
            } else {
                StrictJson.Obj t = json.object(phase.raw("profitTarget"), phase.path("profitTarget"), TARGET_FIELDS);
                Allowance allowance = t == null ? null : readAllowance(json, t, null);
                target = allowance == null ? null : new ProfitTarget(allowance);
            }
        }
        boolean requireFlat = phase.bool("requireFlat", true);
        int minTradingDays = phase.integer("minTradingDays", 0, 0, MAX_DAYS);
        Integer maxDays = phase.integer("maxDays", null, 1, MAX_DAYS);
        Integer inactivityDays = phase.integer("inactivityDays", null, 1, MAX_DAYS);
        DailyLossRule daily = phase.has("dailyLoss") ? readDaily(json, phase, initial) : null;
        MaxLossRule max = phase.has("maxLoss") ? readMax(json, phase, initial) : null;
        ConsistencyRule consistency = phase.has("consistency") ? readConsistency(json, phase) : null;
        ConductRules conduct = phase.has("conduct")
                ? ConductDocument.read(json, phase.raw("conduct"), phase.path("conduct"), initial) : null;
        PayoutPolicy payout = FundedDocument.readPayout(json, phase, kind);
        ScalingPolicy scaling = FundedDocument.readScaling(json, phase, kind, initial);
        if (json.hasViolations()) {
            return null;
        }
        return new PhaseRules(name, kind, review, target, requireFlat, minTradingDays, maxDays, inactivityDays,
                daily, max, consistency, conduct, payout, scaling);
    }

    private static DailyLossRule readDaily(StrictJson json, StrictJson.Obj phase, BigDecimal initial) {
        StrictJson.Obj d = json.object(phase.raw("dailyLoss"), phase.path("dailyLoss"), DAILY_FIELDS);
        if (d == null) {
            return null;
        }
        Allowance allowance = readAllowance(json, d, initial);
        DailyLossRule.Base of = d.enumValue("of", DailyLossRule.Base.class, DailyLossRule.Base.INITIAL);
        if (d.has("of") && allowance instanceof Allowance.Fixed) {
            json.violation(d.path("of"), Kind.VALUE, "applies only to a pct allowance");
        }
        DailyLossRule.Anchor anchor = d.enumValue("anchor", DailyLossRule.Anchor.class,
                DailyLossRule.Anchor.DAY_START_BALANCE);
        DailyLossRule.Check check = d.enumValue("check", DailyLossRule.Check.class, DailyLossRule.Check.INTRADAY);
        DailyLossRule.OnBreach onBreach = d.enumValue("onBreach", DailyLossRule.OnBreach.class,
                DailyLossRule.OnBreach.FAIL);
        return allowance == null ? null : new DailyLossRule(allowance, of, anchor, check, onBreach);
    }

    private static MaxLossRule readMax(StrictJson json, StrictJson.Obj phase, BigDecimal initial) {
        StrictJson.Obj m = json.object(phase.raw("maxLoss"), phase.path("maxLoss"), MAX_FIELDS);
        if (m == null) {
            return null;
        }
        Allowance allowance = readAllowance(json, m, initial);
        MaxLossRule.Mode mode = m.enumValue("mode", MaxLossRule.Mode.class, MaxLossRule.Mode.STATIC);
        MaxLossRule.Lock lock = null;
        JsonValue lockValue = m.raw("lockAt");
        if (lockValue instanceof JsonString text) {
            if ("INITIAL".equals(text.getString())) {
                lock = new MaxLossRule.Lock.AtInitial();
            } else {
                json.violation(m.path("lockAt"), Kind.VALUE, "must be null, \"INITIAL\" or {\"initialPlus\": amount}");
            }
        } else if (lockValue instanceof JsonObject) {
            StrictJson.Obj l = json.object(lockValue, m.path("lockAt"), LOCK_FIELDS);
            BigDecimal plus = l == null ? null : l.decimal("initialPlus", true);
            if (plus != null && plus.signum() <= 0) {
                json.violation(l.path("initialPlus"), Kind.VALUE, "must be greater than 0");
            } else if (plus != null) {
                lock = new MaxLossRule.Lock.InitialPlus(plus);
            }
        } else if (lockValue != null && lockValue.getValueType() != JsonValue.ValueType.NULL) {
            json.violation(m.path("lockAt"), Kind.TYPE, "must be null, \"INITIAL\" or {\"initialPlus\": amount}");
        }
        if (lock != null && mode == MaxLossRule.Mode.STATIC) {
            json.violation(m.path("lockAt"), Kind.VALUE, "applies only to a trailing mode");
        }
        return allowance == null ? null : new MaxLossRule(allowance, mode, lock);
    }

    private static ConsistencyRule readConsistency(StrictJson json, StrictJson.Obj phase) {
        StrictJson.Obj c = json.object(phase.raw("consistency"), phase.path("consistency"), CONSISTENCY_FIELDS);
        if (c == null) {
            return null;
        }
        BigDecimal pct = c.decimal("maxBestDayPct", true);
        if (pct != null && (pct.signum() <= 0 || pct.compareTo(HUNDRED) > 0)) {
            json.violation(c.path("maxBestDayPct"), Kind.VALUE, "must be greater than 0 and at most 100");
            pct = null;
        }
        boolean strict = c.bool("strict", false);
        return pct == null ? null : new ConsistencyRule(pct, strict);
    }

    /**
     * Exactly one of {@code pct} (0 &lt; pct &le; 100) and {@code amount} (&gt; 0; for a loss, at most
     * the initial balance when {@code lossOf} is given).
     */
    static Allowance readAllowance(StrictJson json, StrictJson.Obj o, BigDecimal lossOf) {
        boolean hasPct = o.has("pct");
        boolean hasAmount = o.has("amount");
        if (hasPct == hasAmount) {
            json.violation(o.path(hasPct ? "amount" : "pct"), Kind.VALUE, "give exactly one of pct and amount");
            return null;
        }
        if (hasPct) {
            BigDecimal pct = o.decimal("pct", true);
            if (pct != null && (pct.signum() <= 0 || pct.compareTo(HUNDRED) > 0)) {
                json.violation(o.path("pct"), Kind.VALUE, "must be greater than 0 and at most 100");
                return null;
            }
            return pct == null ? null : new Allowance.Percent(pct);
        }
        BigDecimal amount = o.decimal("amount", true);
        if (amount != null && amount.signum() <= 0) {
            json.violation(o.path("amount"), Kind.VALUE, "must be greater than 0");
            return null;
        }
        if (amount != null && lossOf != null && amount.compareTo(lossOf) > 0) {
            json.violation(o.path("amount"), Kind.VALUE, "must not exceed the initial balance");
            return null;
        }
        return amount == null ? null : new Allowance.Fixed(amount);
    }

    private static void checkLength(StrictJson json, String path, String text, int max) {
        if (text != null && (text.isBlank() || text.length() > max)) {
            json.violation(path, Kind.VALUE, "must be 1 to " + max + " characters");
        }
    }

    private static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The canonical document of a rule set: every field present, defaults spelled out. */
    public static JsonObject write(RuleSet rules) {
        JsonObjectBuilder plan = Json.createObjectBuilder();
        putNullable(plan, "code", rules.code());
        putNullable(plan, "name", rules.name());
        plan.add("currency", rules.currency())
            .add("initialBalance", number(rules.initialBalance()))
            .add("dayBoundary", Json.createObjectBuilder()
                    .add("zone", rules.dayBoundary().zone().getId())
                    .add("time", rules.dayBoundary().time().format(DateTimeFormatter.ofPattern("HH:mm"))))
            .add("breachWhen", rules.breachWhen().name());
        JsonArrayBuilder phases = Json.createArrayBuilder();
        for (PhaseRules phase : rules.phases()) {
            phases.add(writePhase(phase));
        }
        plan.add("phases", phases);
        // Written only when it forbids something, so plans stored before the flag keep their document.
        if (!rules.allowOwnAccountCopying()) {
            plan.add("surveillance", Json.createObjectBuilder().add("allowOwnAccountCopying", false));
        }
        return plan.build();
    }

    private static JsonObjectBuilder writePhase(PhaseRules phase) {
        JsonObjectBuilder p = Json.createObjectBuilder()
                .add("name", phase.name())
                .add("kind", phase.kind().name())
                .add("review", phase.review());
        p.add("profitTarget", phase.profitTarget() == null ? JsonValue.NULL
                : allowance(phase.profitTarget().allowance()).build());
        p.add("requireFlat", phase.requireFlat())
         .add("minTradingDays", phase.minTradingDays());
        putNullable(p, "maxDays", phase.maxDays());
        putNullable(p, "inactivityDays", phase.inactivityDays());
        if (phase.dailyLoss() == null) {
            p.addNull("dailyLoss");
        } else {
            DailyLossRule d = phase.dailyLoss();
            JsonObjectBuilder daily = allowance(d.allowance());
            if (d.allowance() instanceof Allowance.Percent) {
                daily.add("of", d.of().name());
            }
            p.add("dailyLoss", daily.add("anchor", d.anchor().name())
                    .add("check", d.check().name())
                    .add("onBreach", d.onBreach().name()));
        }
        if (phase.maxLoss() == null) {
            p.addNull("maxLoss");
        } else {
            MaxLossRule m = phase.maxLoss();
            JsonObjectBuilder max = allowance(m.allowance()).add("mode", m.mode().name());
            if (m.lockAt() instanceof MaxLossRule.Lock.AtInitial) {
                max.add("lockAt", "INITIAL");
            } else if (m.lockAt() instanceof MaxLossRule.Lock.InitialPlus plus) {
                max.add("lockAt", Json.createObjectBuilder().add("initialPlus", number(plus.amount())));
            } else {
                max.addNull("lockAt");
            }
            p.add("maxLoss", max);
        }
        if (phase.consistency() == null) {
            p.addNull("consistency");
        } else {
            p.add("consistency", Json.createObjectBuilder()
                    .add("maxBestDayPct", number(phase.consistency().maxBestDayPct()))
                    .add("strict", phase.consistency().strict()));
        }
        // Written only when the phase has one, so plans stored before conduct rules keep their document.
        if (phase.conduct() != null) {
            p.add("conduct", ConductDocument.write(phase.conduct()));
        }
        FundedDocument.write(p, phase.payout(), phase.scaling());
        return p;
    }

    static JsonObjectBuilder allowance(Allowance allowance) {
        if (allowance instanceof Allowance.Percent pct) {
            return Json.createObjectBuilder().add("pct", number(pct.value()));
        }
        return Json.createObjectBuilder().add("amount", number(((Allowance.Fixed) allowance).value()));
    }

    private static void putNullable(JsonObjectBuilder builder, String name, Object value) {
        if (value == null) {
            builder.addNull(name);
        } else if (value instanceof Integer i) {
            builder.add(name, i);
        } else {
            builder.add(name, value.toString());
        }
    }

    /** Plain decimals without trailing zeros: 100000, 2.5. */
    public static BigDecimal number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
