package ai.tradesense.domain.rules;

import ai.tradesense.domain.rules.DailyLossRule.Anchor;
import ai.tradesense.domain.rules.DailyLossRule.Base;
import ai.tradesense.domain.rules.DailyLossRule.Check;
import ai.tradesense.domain.rules.DailyLossRule.OnBreach;
import ai.tradesense.domain.rules.MaxLossRule.Lock;
import ai.tradesense.domain.rules.MaxLossRule.Mode;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Test plans that read like the plan JSON: {@code plan("100000").phase(evaluation().dailyLoss(pct("5")))}. */
final class Plans {

    private String initial;
    private ZoneId zone = ZoneId.of("Europe/Prague");
    private LocalTime time = LocalTime.MIDNIGHT;
    private BreachWhen breachWhen = BreachWhen.BELOW;
    private final List<Phase> phases = new ArrayList<>();

    private Plans(String initial) {
        this.initial = initial;
    }

    static Plans plan(String initialBalance) {
        return new Plans(initialBalance);
    }

    Plans boundary(String zoneId, String hhmm) {
        zone = ZoneId.of(zoneId);
        time = LocalTime.parse(hhmm);
        return this;
    }

    Plans breachWhen(BreachWhen value) {
        breachWhen = value;
        return this;
    }

    Plans phase(Phase phase) {
        phases.add(phase);
        return this;
    }

    RuleSet build() {
        List<Phase> chosen = phases.isEmpty() ? List.of(evaluation()) : phases;
        return new RuleSet("test-plan", "Test plan", "USD", new BigDecimal(initial),
                new DayBoundary(zone, time), breachWhen, chosen.stream().map(Phase::build).toList());
    }

    static Allowance pct(String value) {
        return new Allowance.Percent(new BigDecimal(value));
    }

    static Allowance amount(String value) {
        return new Allowance.Fixed(new BigDecimal(value));
    }

    static Phase evaluation() {
        return new Phase(PhaseKind.EVALUATION);
    }

    static Phase funded() {
        return new Phase(PhaseKind.FUNDED);
    }

    /** One phase, with the plan JSON's defaults. */
    static final class Phase {
        private final PhaseKind kind;
        private String name = "Phase";
        private boolean review;
        private ProfitTarget target;
        private boolean requireFlat = true;
        private int minTradingDays;
        private Integer maxDays;
        private Integer inactivityDays;
        private DailyLossRule dailyLoss;
        private MaxLossRule maxLoss;
        private ConsistencyRule consistency;
        private ConductRules conduct;
        private PayoutPolicy payout;
        private ScalingPolicy scaling;

        private Phase(PhaseKind kind) {
            this.kind = kind;
            this.name = kind.name();
        }

        Phase named(String value) {
            name = value;
            return this;
        }

        Phase review() {
            review = true;
            return this;
        }

        Phase target(Allowance allowance) {
            target = new ProfitTarget(allowance);
            return this;
        }

        Phase notFlat() {
            requireFlat = false;
            return this;
        }

        Phase minTradingDays(int days) {
            minTradingDays = days;
            return this;
        }

        Phase maxDays(int days) {
            maxDays = days;
            return this;
        }

        Phase inactivityDays(int days) {
            inactivityDays = days;
            return this;
        }

        /** Daily loss with the defaults: of INITIAL, DAY_START_BALANCE, INTRADAY, FAIL. */
        Phase dailyLoss(Allowance allowance) {
            return dailyLoss(allowance, Anchor.DAY_START_BALANCE, Base.INITIAL, Check.INTRADAY, OnBreach.FAIL);
        }

        Phase dailyLoss(Allowance allowance, Anchor anchor) {
            return dailyLoss(allowance, anchor, Base.INITIAL, Check.INTRADAY, OnBreach.FAIL);
        }

        Phase dailyLoss(Allowance allowance, Anchor anchor, Base of, Check check, OnBreach onBreach) {
            dailyLoss = new DailyLossRule(allowance, of, anchor, check, onBreach);
            return this;
        }

        /** Static max loss. */
        Phase maxLoss(Allowance allowance) {
            return maxLoss(allowance, Mode.STATIC, null);
        }

        Phase maxLoss(Allowance allowance, Mode mode) {
            return maxLoss(allowance, mode, null);
        }

        Phase maxLoss(Allowance allowance, Mode mode, Lock lockAt) {
            maxLoss = new MaxLossRule(allowance, mode, lockAt);
            return this;
        }

        Phase consistency(String maxBestDayPct, boolean strict) {
            consistency = new ConsistencyRule(new BigDecimal(maxBestDayPct), strict);
            return this;
        }

        Phase conduct(ConductRules rules) {
            conduct = rules;
            return this;
        }

        Phase payout(PayoutPolicy policy) {
            payout = policy;
            return this;
        }

        Phase scaling(ScalingPolicy policy) {
            scaling = policy;
            return this;
        }

        PhaseRules build() {
            return new PhaseRules(name, kind, review, target, requireFlat, minTradingDays, maxDays,
                    inactivityDays, dailyLoss, maxLoss, consistency, conduct, payout, scaling);
        }
    }
}
