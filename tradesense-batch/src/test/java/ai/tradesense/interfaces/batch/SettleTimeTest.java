package ai.tradesense.interfaces.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.tradesense.application.risk.Shard;
import ai.tradesense.domain.rules.AccountState;
import ai.tradesense.domain.rules.Evaluator;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.EventRejectedException;
import ai.tradesense.domain.rules.RiskWatch;
import ai.tradesense.domain.rules.RuleSet;
import ai.tradesense.infrastructure.json.PlanCatalogue;

/** The worker applies a day boundary or deadline only once the settle time has passed after it. */
class SettleTimeTest {

    private final Worker worker = new Worker();

    @BeforeEach
    void emptyStore() {
        Worker.forgetEverything();
    }

    @Test
    void aCycleJudgesBoundariesAndDeadlinesAsTimeStoodTheSettleTimeAgo() {
        worker.monitor.challenges = 5;
        Instant now = worker.clock.instant();

        assertThat(worker.cycles.split(Shard.Kind.RESET)).contains(1);
        worker.cycles.resetsDue();

        assertThat(worker.monitor.askedAt).containsExactly(now.minus(Worker.SETTLE), now.minus(Worker.SETTLE));
    }

    @Test
    void anEventTenSecondsLateAcrossMidnightIsAppliedNotRefused() {
        // two-step-100k's trading days start at 00:00 Europe/Prague.
        RuleSet rules = PlanCatalogue.rules("two-step-100k");
        Instant midnight = ZonedDateTime.parse("2026-12-01T00:00:00+01:00[Europe/Prague]").toInstant();
        AccountState state = AccountState.start(rules, midnight.minusSeconds(3_600));
        Instant workerRuns = midnight.plusSeconds(5);
        Event late = new Event.EquityUpdate("tick-1", midnight.minusSeconds(5), new BigDecimal("100250.00"));

        // Five seconds past midnight the settled worker owes the account nothing yet...
        assertThat(RiskWatch.dueClocks(state, rules, workerRuns.minus(Worker.SETTLE), 10)).isEmpty();
        // ...so the platform's tick from 23:59:55, arriving ten seconds late, is applied.
        AccountState applied = Evaluator.apply(rules, state, late).state();
        assertThat(applied.equity()).isEqualByComparingTo("100250.00");
        assertThat(applied.lastEventAt()).isEqualTo(late.at());

        // Without the settle time the worker would have applied midnight first and the tick would be refused.
        List<RiskWatch.DueClock> unsettled = RiskWatch.dueClocks(state, rules, workerRuns, 10);
        assertThat(unsettled).extracting(RiskWatch.DueClock::at).containsExactly(midnight);
        AccountState reset = Evaluator.apply(rules, state, new Event.Clock("clock:" + midnight, midnight)).state();
        assertThatThrownBy(() -> Evaluator.apply(rules, reset, late)).isInstanceOf(EventRejectedException.class)
                .extracting(e -> ((EventRejectedException) e).reason())
                .isEqualTo(EventRejectedException.Reason.OUT_OF_ORDER);
    }
}
