package ai.tradesense.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants over many seeded random plans and event streams, with staff's manual actions mixed in. A
 * failing seed is printed in the assertion message so it can be replayed.
 */
class EngineInvariantsTest {

    private static final int SEQUENCES = 2_000;
    private static final int EVENTS = 150;

    @Test
    void invariantsHoldOverRandomEventSequences() {
        Map<OutcomeType, Integer> seen = new EnumMap<>(OutcomeType.class);
        Map<FailureRule, Integer> failures = new EnumMap<>(FailureRule.class);
        for (int seed = 1; seed <= SEQUENCES; seed++) {
            run(seed, seen, failures);
        }
        // The generator must reach every corner the invariants talk about, or they prove little.
        assertThat(seen).containsKeys(OutcomeType.DAY_ROLLED, OutcomeType.BREACH, OutcomeType.FAILED,
                OutcomeType.PAUSED, OutcomeType.RESUMED, OutcomeType.PASS_HELD_BACK, OutcomeType.PHASE_PASSED,
                OutcomeType.PENDING_REVIEW, OutcomeType.PASSED, OutcomeType.IGNORED_FROZEN,
                OutcomeType.EXTENDED, OutcomeType.RESTORED, OutcomeType.CONDUCT_VIOLATION);
        assertThat(failures).containsKeys(FailureRule.values());
    }

    private static void run(long seed, Map<OutcomeType, Integer> seen, Map<FailureRule, Integer> failures) {
        Random r = new Random(seed);
        // A second stream decides the manual actions, so the event streams stay what they were.
        Random staff = new Random(-seed);
        RuleSet rules = RandomPlans.plan(r);
        Instant at = RandomPlans.start(r);
        // Every other sequence also has conduct rules, drawn from streams of their own so the others stay.
        Random conduct = seed % 2 == 0 ? new Random(seed * 7919) : null;
        EconomicCalendar calendar = EconomicCalendar.EMPTY;
        if (conduct != null) {
            rules = RandomPlans.withConduct(rules, conduct);
            calendar = RandomPlans.calendar(conduct, at);
        }
        AccountState state = AccountState.start(rules, at);
        BigDecimal closedInPhase = BigDecimal.ZERO;
        BigDecimal initial = rules.initialBalance();
        String where = "seed " + seed;

        for (int i = 0; i < EVENTS; i++) {
            at = RandomPlans.later(r, at);
            AccountState before = state;
            Evaluation evaluation;
            Event event = null;
            ManualAction action = null;
            if (staff.nextInt(15) == 0) {
                action = action(staff, at);
                try {
                    evaluation = Evaluator.act(rules, before, action);
                } catch (EventRejectedException refused) {
                    continue;
                }
                assertThat(Evaluator.act(rules, before, action)).as("%s: pure", where).isEqualTo(evaluation);
            } else if (before.status() == ChallengeStatus.PENDING_REVIEW && r.nextBoolean()) {
                evaluation = Evaluator.approveReview(rules, before, at);
            } else {
                event = RandomPlans.event(r, rules, before, at, i);
                if (conduct != null) {
                    event = RandomPlans.withTradeDetails(event, before, conduct);
                }
                evaluation = Evaluator.apply(rules, before, event, calendar);
                assertThat(Evaluator.apply(rules, before, event, calendar)).as("%s: pure", where)
                        .isEqualTo(evaluation);
            }
            state = evaluation.state();
            List<Outcome> outcomes = evaluation.outcomes();
            outcomes.forEach(o -> seen.merge(o.type(), 1, Integer::sum));
            String step = where + " step " + i + " " + (action != null ? action : event);

            if (before.status().isFrozen() && event != null) {
                assertThat(state).as("%s: frozen never changes", step).isSameAs(before);
                assertThat(outcomes).as(step).containsExactly(new Outcome.IgnoredFrozen(before.status()));
                continue;
            }
            boolean newPhase = !state.phaseStartedAt().equals(before.phaseStartedAt());
            boolean applied = outcomes.stream().noneMatch(o -> o.type() == OutcomeType.IGNORED_FROZEN);

            if (!newPhase && before.maxLossFloor() != null) {
                assertThat(state.maxLossFloor()).as("%s: max loss floor never falls", step)
                        .isGreaterThanOrEqualTo(before.maxLossFloor());
            }
            if (action != null && !newPhase) {
                assertThat(state.balance()).as("%s: an action never changes the balance", step)
                        .isEqualByComparingTo(before.balance());
                assertThat(state.equity()).as("%s: an action never changes the equity", step)
                        .isEqualByComparingTo(before.equity());
            }
            if (newPhase) {
                closedInPhase = BigDecimal.ZERO;
                assertThat(state.phaseIndex()).as(step).isGreaterThan(before.phaseIndex());
            } else if (applied && event instanceof Event.TradeClosed closed) {
                closedInPhase = closedInPhase.add(closed.profit());
            }
            assertThat(state.balance()).as("%s: balance = initial + closed profits", step)
                    .isEqualByComparingTo(initial.add(closedInPhase));
            if (applied && event instanceof Event.TradeClosed && state.openTrades() == 0) {
                assertThat(state.equity()).as("%s: flat after a close means equity = balance", step)
                        .isEqualByComparingTo(state.balance());
            }
            assertThat(state.lastEventAt()).as(step).isEqualTo(at);
            if (rules.phase(state.phaseIndex()).conduct() != null && !state.status().isFrozen()) {
                ConductState c = state.conduct();
                assertThat(c.open().stream().map(ConductState.OpenTrade::id).toList())
                        .as("%s: conduct knows the open trades", step)
                        .containsExactlyInAnyOrderElementsOf(state.openTradeIds());
                assertThat(c.openLots()).as(step).isEqualByComparingTo(c.open().stream()
                        .map(ConductState.OpenTrade::volume).reduce(BigDecimal.ZERO, BigDecimal::add));
                assertThat(c.excludedProfit().signum()).as(step).isGreaterThanOrEqualTo(0);
                if (c.nextDeadline() != null) {
                    assertThat(c.nextDeadline()).as("%s: a conduct deadline passed is applied", step).isAfter(at);
                }
            }
            assertThat(state.dayPeakEquity()).as("%s: day peak", step)
                    .isGreaterThanOrEqualTo(state.dayStartEquity()).isGreaterThanOrEqualTo(state.equity());
            assertThat(state.pausedUntil() != null).as(step).isEqualTo(state.status() == ChallengeStatus.PAUSED);
            if (state.status() == ChallengeStatus.ACTIVE || state.status() == ChallengeStatus.PAUSED) {
                assertThat(state.currentDayStart()).as("%s: the day holds the last event", step)
                        .isBeforeOrEqualTo(at)
                        .isEqualTo(rules.dayBoundary().dayStartOf(at));
                assertThat(state.nextDayStart()).isAfter(at);
            }
            if (state.status() == ChallengeStatus.FAILED && before.status() != ChallengeStatus.FAILED) {
                Failure failure = state.failure();
                failures.merge(failure.rule(), 1, Integer::sum);
                assertThat(failure.at()).as(step).isBeforeOrEqualTo(at).isAfterOrEqualTo(before.lastEventAt());
                if (action instanceof ManualAction.Fail && applied) {
                    assertThat(failure).as(step).isEqualTo(new Failure(FailureRule.MANUAL, at, null, before.equity()));
                }
                if (failure.floor() != null) {
                    assertThat(rules.breachWhen().breaches(failure.equity(), failure.floor()))
                            .as("%s: a loss failure is a real breach", step).isTrue();
                }
            }
        }
    }

    private static ManualAction action(Random r, Instant at) {
        return switch (r.nextInt(6)) {
            case 0 -> new ManualAction.Fail(at);
            case 1 -> new ManualAction.Pass(at);
            case 2 -> new ManualAction.Pause(at, r.nextBoolean() ? null : at.plusSeconds(600 + r.nextInt(200_000)));
            case 3 -> new ManualAction.Resume(at);
            case 4 -> new ManualAction.Extend(at, 1 + r.nextInt(10));
            default -> new ManualAction.Restore(at);
        };
    }
}
