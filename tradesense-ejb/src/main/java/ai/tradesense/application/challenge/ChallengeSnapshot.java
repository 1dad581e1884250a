package ai.tradesense.application.challenge;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.PlainNumber;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.rules.AccountState;
import ai.tradesense.domain.rules.ChallengeStatus;
import ai.tradesense.domain.rules.Failure;
import ai.tradesense.domain.rules.PhaseRules;
import ai.tradesense.domain.rules.RuleSet;

/**
 * A challenge as every answer shows it: identity, status, phase, money and floors as the engine computed
 * them, the failure if any, and the event sequence number. Simulations show the same, without identity.
 */
public record ChallengeSnapshot(String id, String planCode, Integer planVersion, String traderId,
                                ChallengeStatus status, int phaseIndex, String phaseName, String phaseKind,
                                BigDecimal balance, BigDecimal equity, BigDecimal dayStartBalance,
                                BigDecimal dayStartEquity, BigDecimal dailyLossFloor, BigDecimal maxLossFloor,
                                BigDecimal profitTargetBalance, BigDecimal dailyLossRoom, BigDecimal maxLossRoom,
                                BigDecimal profitTargetProgressPct, int tradingDays, BigDecimal bestDayProfit,
                                int openTrades, Failure failure, long seq, Instant startedAt,
                                Instant phaseStartedAt, Instant dayStartedAt, Instant nextDayStartsAt,
                                Instant pausedUntil, Instant updatedAt) {

    public static ChallengeSnapshot of(Challenge challenge, RuleSet rules) {
        return of(challenge.id(), challenge.planCode(), challenge.planVersion(), challenge.traderId(), rules,
                challenge.account(), challenge.seq(), challenge.startedAt(), challenge.updatedAt());
    }

    public static ChallengeSnapshot of(String id, String planCode, Integer planVersion, String traderId,
                                       RuleSet rules, AccountState state, long seq, Instant startedAt,
                                       Instant updatedAt) {
        PhaseRules phase = rules.phase(state.phaseIndex());
        return new ChallengeSnapshot(id, planCode, planVersion, traderId, state.status(), state.phaseIndex(),
                phase.name(), phase.kind().name(), state.balance(), state.equity(), state.dayStartBalance(),
                state.dayStartEquity(), state.dailyLossFloor(rules), state.maxLossFloor(),
                state.profitTargetBalance(rules), state.dailyLossRoom(rules), state.maxLossRoom(),
                state.profitTargetProgressPct(rules), state.tradingDays(), state.bestDayProfitSoFar(),
                state.openTrades(), state.failure(), seq, startedAt, state.phaseStartedAt(),
                state.currentDayStart(), state.nextDayStart(), state.pausedUntil(), updatedAt);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        text(json, "id", id);
        text(json, "planCode", planCode);
        if (planVersion == null) {
            json.addNull("planVersion");
        } else {
            json.add("planVersion", planVersion);
        }
        text(json, "traderId", traderId);
        json.add("status", status.name())
            .add("phase", Json.createObjectBuilder().add("index", phaseIndex).add("name", phaseName)
                    .add("kind", phaseKind));
        money(json, "balance", balance);
        money(json, "equity", equity);
        money(json, "dayStartBalance", dayStartBalance);
        money(json, "dayStartEquity", dayStartEquity);
        money(json, "dailyLossFloor", dailyLossFloor);
        money(json, "maxLossFloor", maxLossFloor);
        money(json, "profitTargetBalance", profitTargetBalance);
        money(json, "dailyLossRoom", dailyLossRoom);
        money(json, "maxLossRoom", maxLossRoom);
        money(json, "profitTargetProgressPct", profitTargetProgressPct);
        json.add("tradingDays", tradingDays);
        money(json, "bestDayProfit", bestDayProfit);
        json.add("openTrades", openTrades);
        if (failure == null) {
            json.addNull("failure");
        } else {
            JsonObjectBuilder f = Json.createObjectBuilder().add("rule", failure.rule().name())
                    .add("at", failure.at().toString());
            money(f, "floor", failure.floor());
            money(f, "equity", failure.equity());
            json.add("failure", f);
        }
        json.add("seq", seq);
        instant(json, "startedAt", startedAt);
        instant(json, "phaseStartedAt", phaseStartedAt);
        instant(json, "dayStartedAt", dayStartedAt);
        instant(json, "nextDayStartsAt", nextDayStartsAt);
        instant(json, "pausedUntil", pausedUntil);
        instant(json, "updatedAt", updatedAt);
        return json.build();
    }

    static void money(JsonObjectBuilder json, String name, BigDecimal value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, PlainNumber.of(value));
        }
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        json.add(name, value == null ? JsonValue.NULL : Json.createValue(value));
    }

    private static void instant(JsonObjectBuilder json, String name, Instant value) {
        json.add(name, value == null ? JsonValue.NULL : Json.createValue(value.toString()));
    }
}
