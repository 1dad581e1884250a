package ai.tradesense.domain.rules;

import java.util.Objects;

/**
 * The rules of one phase. Optional rules are null when the phase does not have them.
 *
 * @param name           display name
 * @param kind           evaluation or funded
 * @param review         a pass waits in PENDING_REVIEW for staff approval
 * @param profitTarget   null for no target (always null for a funded phase)
 * @param requireFlat    a pass needs no open trades
 * @param minTradingDays trading days needed before a pass, &ge; 0
 * @param maxDays        calendar days after the phase start without a pass that fail it; null for none
 * @param inactivityDays days without a trade opened that fail it; null for none
 * @param dailyLoss      null for none
 * @param maxLoss        null for none
 * @param consistency    null for none
 * @param conduct        how the account may be traded ({@code docs/rules.md} §19); null for no conduct rules
 * @param payout         the payout policy of a FUNDED phase; null for none
 * @param scaling        the scaling plan of a FUNDED phase; null for none
 */
public record PhaseRules(String name, PhaseKind kind, boolean review, ProfitTarget profitTarget,
                         boolean requireFlat, int minTradingDays, Integer maxDays, Integer inactivityDays,
                         DailyLossRule dailyLoss, MaxLossRule maxLoss, ConsistencyRule consistency,
                         ConductRules conduct, PayoutPolicy payout, ScalingPolicy scaling) {
    public PhaseRules {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (minTradingDays < 0) {
            throw new IllegalArgumentException("minTradingDays must not be negative");
        }
        if (kind != PhaseKind.FUNDED && (payout != null || scaling != null)) {
            throw new IllegalArgumentException("only a FUNDED phase has payouts and scaling");
        }
    }

    /** A phase without conduct rules, payouts or scaling. */
    public PhaseRules(String name, PhaseKind kind, boolean review, ProfitTarget profitTarget, boolean requireFlat,
                      int minTradingDays, Integer maxDays, Integer inactivityDays, DailyLossRule dailyLoss,
                      MaxLossRule maxLoss, ConsistencyRule consistency) {
        this(name, kind, review, profitTarget, requireFlat, minTradingDays, maxDays, inactivityDays, dailyLoss,
                maxLoss, consistency, null, null, null);
    }
}
