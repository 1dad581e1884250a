package ai.tradesense.infrastructure.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import ai.tradesense.application.payout.PayoutTotal;
import ai.tradesense.application.payout.PayoutView;
import ai.tradesense.domain.rules.PayoutEligibility;

/** The payout ledger, an eligibility and the totals as the API answers them; money plain and exact. */
public final class PayoutJson {

    private PayoutJson() {
    }

    public static JsonObject write(PayoutView p) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", p.id())
                .add("challengeId", p.challengeId())
                .add("traderId", p.traderId())
                .add("planCode", p.planCode())
                .add("planVersion", p.planVersion())
                .add("currency", p.currency());
        money(json, "amount", p.amount());
        money(json, "traderShare", p.traderShare());
        money(json, "firmShare", p.firmShare());
        json.add("status", p.status().name());
        instant(json, "requestedAt", p.requestedAt());
        json.add("requestedBy", p.requestedBy());
        instant(json, "firstApprovedAt", p.firstApprovedAt());
        text(json, "firstApprovedBy", p.firstApprovedBy());
        instant(json, "decidedAt", p.decidedAt());
        text(json, "decidedBy", p.decidedBy());
        text(json, "reason", p.reason());
        instant(json, "paidAt", p.paidAt());
        return json.build();
    }

    public static JsonObject list(List<PayoutView> payouts) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        payouts.forEach(p -> items.add(write(p)));
        return Json.createObjectBuilder().add("items", items).build();
    }

    /** Every condition with its numbers, for the dashboard's progress and a refusal's detail. */
    public static JsonObject write(PayoutEligibility e) {
        JsonArrayBuilder checks = Json.createArrayBuilder();
        for (PayoutEligibility.Check c : e.checks()) {
            JsonObjectBuilder check = Json.createObjectBuilder().add("condition", c.condition().name())
                    .add("met", c.met());
            money(check, "actual", c.actual());
            money(check, "required", c.required());
            checks.add(check.add("message", c.message()));
        }
        JsonArrayBuilder unmet = Json.createArrayBuilder();
        e.unmet().forEach(c -> unmet.add(c.condition().name()));
        JsonObjectBuilder json = Json.createObjectBuilder().add("eligible", e.eligible()).add("at", e.at().toString());
        money(json, "amount", e.amount());
        money(json, "withdrawable", e.withdrawable());
        money(json, "traderShare", e.traderShare());
        money(json, "firmShare", e.firmShare());
        return json.add("conditions", unmet).add("checks", checks).build();
    }

    public static JsonObject totals(List<PayoutTotal> totals) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (PayoutTotal t : totals) {
            items.add(Json.createObjectBuilder().add("planCode", t.planCode()).add("month", t.month())
                    .add("currency", t.currency()).add("count", t.count())
                    .add("gross", PlainNumber.of(t.gross())).add("traderShare", PlainNumber.of(t.traderShare()))
                    .add("firmShare", PlainNumber.of(t.firmShare())));
        }
        return Json.createObjectBuilder().add("items", items).build();
    }

    private static void money(JsonObjectBuilder json, String name, BigDecimal value) {
        json.add(name, value == null ? JsonValue.NULL : PlainNumber.of(value));
    }

    private static void instant(JsonObjectBuilder json, String name, Instant value) {
        json.add(name, value == null ? JsonValue.NULL : Json.createValue(value.toString()));
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        json.add(name, value == null ? JsonValue.NULL : Json.createValue(value));
    }
}
