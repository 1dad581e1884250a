package ai.tradesense.interfaces.rest.plans;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.json.JsonObject;

import ai.tradesense.domain.model.plan.Plan;
import ai.tradesense.infrastructure.json.PlanDocument;

/** A stored plan version: its identity and its canonical definition (DESIGN §3, defaults spelled out). */
public record PlanDto(String code, int version, String name, String currency, BigDecimal initialBalance,
                      Instant createdAt, JsonObject definition) {

    public static PlanDto of(Plan plan) {
        return new PlanDto(plan.code(), plan.version(), plan.name(), plan.currency(),
                PlanDocument.number(plan.initialBalance()), plan.createdAt(),
                PlanDocument.write(plan.rules()));
    }
}
