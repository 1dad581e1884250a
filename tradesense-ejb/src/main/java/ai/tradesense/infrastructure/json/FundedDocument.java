package ai.tradesense.infrastructure.json;

import java.math.BigDecimal;
import java.util.Set;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.rules.Allowance;
import ai.tradesense.domain.rules.PayoutPolicy;
import ai.tradesense.domain.rules.PayoutPolicy.AfterPayout;
import ai.tradesense.domain.rules.PhaseKind;
import ai.tradesense.domain.rules.ScalingPolicy;

/**
 * The {@code payout} and {@code scaling} blocks of a FUNDED phase (DESIGN §3c): read strictly, each problem
 * named by its JSON path, and written with every default spelled out. {@link PlanDocument} calls it.
 */
final class FundedDocument {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_DAYS = 3650;
    private static final Set<String> PAYOUT_FIELDS = Set.of("split", "firstAfterDays", "everyDays",
            "minTradingDays", "winningDays", "consistency", "minAmount", "maxAmount", "buffer", "requireFlat",
            "afterPayout");
    private static final Set<String> SPLIT_FIELDS = Set.of("pct");
    private static final Set<String> WINNING_FIELDS = Set.of("count", "minProfit");
    private static final Set<String> CONSISTENCY_FIELDS = Set.of("maxBestDayPct");
    private static final Set<String> MAX_AMOUNT_FIELDS = Set.of("pct", "amount");
    private static final Set<String> BUFFER_FIELDS = Set.of("amount");
    private static final Set<String> SCALING_FIELDS = Set.of("everyDays", "minProfitPct", "minPayouts",
            "increasePct", "maxBalance", "splitPct");

    private FundedDocument() {
    }

    /** The phase's payout policy; null when it has none (or it is invalid, with the violations recorded). */
    static PayoutPolicy readPayout(StrictJson json, StrictJson.Obj phase, PhaseKind kind) {
        if (!phase.has("payout") || !fundedOnly(json, phase, kind, "payout")) {
            return null;
        }
        StrictJson.Obj p = json.object(phase.raw("payout"), phase.path("payout"), PAYOUT_FIELDS);
        if (p == null) {
            return null;
        }
        BigDecimal split = null;
        if (!p.has("split")) {
            json.violation(p.path("split"), Kind.VALUE, "is required, e.g. {\"pct\": 80}");
        } else {
            StrictJson.Obj s = json.object(p.raw("split"), p.path("split"), SPLIT_FIELDS);
            split = s == null ? null : percent(json, s, "pct", true);
        }
        int firstAfter = p.integer("firstAfterDays", 14, 0, MAX_DAYS);
        int every = p.integer("everyDays", 14, 0, MAX_DAYS);
        int minTradingDays = p.integer("minTradingDays", 0, 0, MAX_DAYS);
        PayoutPolicy.WinningDays winning = null;
        if (p.has("winningDays")) {
            StrictJson.Obj w = json.object(p.raw("winningDays"), p.path("winningDays"), WINNING_FIELDS);
            if (w != null) {
                Integer count = w.integer("count", null, 1, MAX_DAYS);
                if (count == null && !w.has("count")) {
                    json.violation(w.path("count"), Kind.VALUE, "is required");
                }
                BigDecimal minProfit = positive(json, w, "minProfit", true);
                winning = count == null || minProfit == null ? null : new PayoutPolicy.WinningDays(count, minProfit);
            }
        }
        BigDecimal maxBestDayPct = null;
        if (p.has("consistency")) {
            StrictJson.Obj c = json.object(p.raw("consistency"), p.path("consistency"), CONSISTENCY_FIELDS);
            maxBestDayPct = c == null ? null : percent(json, c, "maxBestDayPct", true);
        }
        BigDecimal minAmount = p.decimal("minAmount", false);
        if (minAmount != null && minAmount.signum() < 0) {
            json.violation(p.path("minAmount"), Kind.VALUE, "must not be negative");
        }
        Allowance maxAmount = p.has("maxAmount") ? readMaxAmount(json, p) : null;
        BigDecimal buffer = null;
        if (p.has("buffer")) {
            StrictJson.Obj b = json.object(p.raw("buffer"), p.path("buffer"), BUFFER_FIELDS);
            buffer = b == null ? null : positive(json, b, "amount", true);
        }
        boolean requireFlat = p.bool("requireFlat", true);
        AfterPayout after = p.enumValue("afterPayout", AfterPayout.class, AfterPayout.KEEP_FLOORS);
        if (after == AfterPayout.RESET_BALANCE) {
            // A reset pays all the profit: a buffer or a cap would forfeit the rest (docs/rules.md §20.6).
            for (String field : new String[] {"buffer", "maxAmount"}) {
                if (p.has(field)) {
                    json.violation(p.path(field), Kind.VALUE, "does not apply with afterPayout RESET_BALANCE, "
                            + "which pays exactly the whole profit");
                }
            }
        }
        if (json.hasViolations() || split == null || after == null) {
            return null;
        }
        return new PayoutPolicy(split, firstAfter, every, minTradingDays, winning, maxBestDayPct,
                minAmount == null ? BigDecimal.ZERO : minAmount, maxAmount, buffer, requireFlat, after);
    }

    /** The phase's scaling plan; every field is required. */
    static ScalingPolicy readScaling(StrictJson json, StrictJson.Obj phase, PhaseKind kind, BigDecimal initial) {
        if (!phase.has("scaling") || !fundedOnly(json, phase, kind, "scaling")) {
            return null;
        }
        StrictJson.Obj s = json.object(phase.raw("scaling"), phase.path("scaling"), SCALING_FIELDS);
        if (s == null) {
            return null;
        }
        Integer every = requiredInteger(json, s, "everyDays", 1, MAX_DAYS);
        BigDecimal minProfitPct = s.decimal("minProfitPct", true);
        if (minProfitPct != null && (minProfitPct.signum() < 0 || minProfitPct.compareTo(HUNDRED) > 0)) {
            json.violation(s.path("minProfitPct"), Kind.VALUE, "must be 0 to 100");
        }
        Integer minPayouts = requiredInteger(json, s, "minPayouts", 0, 1000);
        BigDecimal increasePct = percent(json, s, "increasePct", true);
        BigDecimal maxBalance = positive(json, s, "maxBalance", true);
        if (maxBalance != null && initial != null && maxBalance.compareTo(initial) < 0) {
            json.violation(s.path("maxBalance"), Kind.VALUE, "must be at least the initial balance");
        }
        BigDecimal splitPct = percent(json, s, "splitPct", true);
        if (json.hasViolations()) {
            return null;
        }
        return new ScalingPolicy(every, minProfitPct, minPayouts, increasePct, maxBalance, splitPct);
    }

    private static boolean fundedOnly(StrictJson json, StrictJson.Obj phase, PhaseKind kind, String field) {
        if (kind != PhaseKind.FUNDED) {
            json.violation(phase.path(field), Kind.VALUE, "is allowed only in a FUNDED phase");
            return false;
        }
        return true;
    }

    private static Allowance readMaxAmount(StrictJson json, StrictJson.Obj p) {
        StrictJson.Obj m = json.object(p.raw("maxAmount"), p.path("maxAmount"), MAX_AMOUNT_FIELDS);
        if (m == null) {
            return null;
        }
        if (m.has("pct") == m.has("amount")) {
            json.violation(m.path(m.has("pct") ? "amount" : "pct"), Kind.VALUE, "give exactly one of pct and amount");
            return null;
        }
        if (m.has("pct")) {
            BigDecimal pct = percent(json, m, "pct", true);
            return pct == null ? null : new Allowance.Percent(pct);
        }
        BigDecimal amount = positive(json, m, "amount", true);
        return amount == null ? null : new Allowance.Fixed(amount);
    }

    private static Integer requiredInteger(StrictJson json, StrictJson.Obj o, String name, int min, int max) {
        Integer value = o.integer(name, null, min, max);
        if (value == null && !o.has(name)) {
            json.violation(o.path(name), Kind.VALUE, "is required");
        }
        return value;
    }

    /** 0 &lt; x &le; 100. */
    private static BigDecimal percent(StrictJson json, StrictJson.Obj o, String name, boolean required) {
        BigDecimal pct = o.decimal(name, required);
        if (pct != null && (pct.signum() <= 0 || pct.compareTo(HUNDRED) > 0)) {
            json.violation(o.path(name), Kind.VALUE, "must be greater than 0 and at most 100");
            return null;
        }
        return pct;
    }

    private static BigDecimal positive(StrictJson json, StrictJson.Obj o, String name, boolean required) {
        BigDecimal value = o.decimal(name, required);
        if (value != null && value.signum() <= 0) {
            json.violation(o.path(name), Kind.VALUE, "must be greater than 0");
            return null;
        }
        return value;
    }

    /** Adds the blocks a phase has, defaults spelled out; a phase without them gets neither field. */
    static void write(JsonObjectBuilder phase, PayoutPolicy payout, ScalingPolicy scaling) {
        if (payout != null) {
            JsonObjectBuilder p = Json.createObjectBuilder()
                    .add("split", Json.createObjectBuilder().add("pct", PlanDocument.number(payout.splitPct())))
                    .add("firstAfterDays", payout.firstAfterDays())
                    .add("everyDays", payout.everyDays())
                    .add("minTradingDays", payout.minTradingDays());
            if (payout.winningDays() == null) {
                p.addNull("winningDays");
            } else {
                p.add("winningDays", Json.createObjectBuilder().add("count", payout.winningDays().count())
                        .add("minProfit", PlanDocument.number(payout.winningDays().minProfit())));
            }
            p.add("consistency", payout.maxBestDayPct() == null ? JsonValue.NULL : Json.createObjectBuilder()
                    .add("maxBestDayPct", PlanDocument.number(payout.maxBestDayPct())).build());
            p.add("minAmount", PlanDocument.number(payout.minAmount()));
            if (payout.maxAmount() instanceof Allowance.Percent pct) {
                p.add("maxAmount", Json.createObjectBuilder().add("pct", PlanDocument.number(pct.value())));
            } else if (payout.maxAmount() instanceof Allowance.Fixed fixed) {
                p.add("maxAmount", Json.createObjectBuilder().add("amount", PlanDocument.number(fixed.value())));
            } else {
                p.addNull("maxAmount");
            }
            p.add("buffer", payout.buffer() == null ? JsonValue.NULL
                    : Json.createObjectBuilder().add("amount", PlanDocument.number(payout.buffer())).build());
            p.add("requireFlat", payout.requireFlat()).add("afterPayout", payout.afterPayout().name());
            phase.add("payout", p);
        }
        if (scaling != null) {
            phase.add("scaling", Json.createObjectBuilder()
                    .add("everyDays", scaling.everyDays())
                    .add("minProfitPct", PlanDocument.number(scaling.minProfitPct()))
                    .add("minPayouts", scaling.minPayouts())
                    .add("increasePct", PlanDocument.number(scaling.increasePct()))
                    .add("maxBalance", PlanDocument.number(scaling.maxBalance()))
                    .add("splitPct", PlanDocument.number(scaling.splitPct())));
        }
    }
}
