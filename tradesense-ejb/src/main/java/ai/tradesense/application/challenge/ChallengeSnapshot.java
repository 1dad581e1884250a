package ai.tradesense.application.challenge;

import java.math.BigDecimal;
import java.time.Instant;

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
}
