package ai.tradesense.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import ai.tradesense.domain.model.challenge.ChallengeDay;

/**
 * The property behind tick compaction: over seeded random tick-heavy histories, the stored log plus the
 * pending tick replays to every outcome and the exact state of the live run, and the daily snapshots
 * built from it are those the full stream builds. A failing seed is named in the assertion message.
 */
class CompactionReplayTest {

    private static final int HISTORIES = 2_000;
    private static final int STEPS = 40;
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<List<Integer>> LEVELS = List.of(List.of(), List.of(80), List.of(50, 80, 95));

    @Test
    void theStoredLogAndThePendingTickReplayEveryOutcomeAndTheState() {
        Map<OutcomeType, Integer> seen = new EnumMap<>(OutcomeType.class);
        long live = 0;
        long stored = 0;
        for (int seed = 1; seed <= HISTORIES; seed++) {
            long[] counts = run(seed, seen);
            live += counts[0];
            stored += counts[1];
        }
        // The histories must reach the corners where a tick is information, or the property proves little.
        assertThat(seen).containsKeys(OutcomeType.DAY_ROLLED, OutcomeType.TRADING_DAY_COUNTED, OutcomeType.BREACH,
                OutcomeType.FAILED, OutcomeType.PAUSED, OutcomeType.RESUMED, OutcomeType.PASS_HELD_BACK,
                OutcomeType.PHASE_PASSED, OutcomeType.PENDING_REVIEW, OutcomeType.PASSED,
                OutcomeType.IGNORED_FROZEN);
        assertThat(stored).as("stored of %d applied", live).isLessThan(live / 2);
    }

    /** One history; returns {events applied live, events stored (the pending tick included)}. */
    private static long[] run(long seed, Map<OutcomeType, Integer> seen) {
        Random r = new Random(seed);
        RuleSet rules = RandomPlans.plan(r);
        List<Integer> levels = LEVELS.get(r.nextInt(LEVELS.size()));
        Instant at = RandomPlans.start(r);
        AccountState start = AccountState.start(rules, at);
        String where = "seed " + seed;

        CompactingLog log = CompactingLog.start(rules, start);
        List<Event> storedLog = new ArrayList<>();
        List<List<Outcome>> storedOutcomes = new ArrayList<>();
        List<Event> applied = new ArrayList<>();
        List<Evaluation> appliedResults = new ArrayList<>();
        List<Outcome> pendingOutcomes = null;
        int serial = 0;
        for (int step = 0; step < STEPS; step++) {
            List<Event> events = new ArrayList<>();
            if (r.nextInt(10) < 6) {
                at = burst(r, rules, log.state(), at, events);
            } else {
                at = RandomPlans.later(r, at);
                events.add(RandomPlans.event(r, rules, log.state(), at, serial++));
            }
            for (Event event : events) {
                CompactingLog.Step result;
                try {
                    result = log.apply(rules, event, levels);
                } catch (EventRejectedException refused) {
                    continue;
                }
                applied.add(event);
                appliedResults.add(result.evaluation());
                List<Outcome> outcomes = result.evaluation().outcomes();
                for (Outcome outcome : outcomes) {
                    seen.merge(outcome.type(), 1, Integer::sum);
                }
                // Checked by hand: an assertion object per event would make the test several times slower.
                if (result.compacted()) {
                    if (!outcomes.isEmpty() || result.log().pending() != event) {
                        fail("%s: a compacted tick has no outcome and is pending: %s", where, event);
                    }
                    pendingOutcomes = outcomes;
                } else {
                    List<Event> toStore = result.stored();
                    boolean flushed = toStore.size() == 2 && toStore.get(0) == log.pending();
                    if (toStore.get(toStore.size() - 1) != event || result.log().pending() != null
                            || (log.pending() != null) != flushed) {
                        fail("%s: a stored event follows the pending tick, if any: %s", where, toStore);
                    }
                    if (flushed) {
                        storedOutcomes.add(pendingOutcomes);
                    }
                    storedOutcomes.add(outcomes);
                    storedLog.addAll(toStore);
                }
                log = result.log();
            }
        }
        if (log.pending() != null) {
            storedLog.add(log.pending());
            storedOutcomes.add(pendingOutcomes);
        }

        AccountState replayed = start;
        List<Evaluation> replayResults = new ArrayList<>(storedLog.size());
        for (int i = 0; i < storedLog.size(); i++) {
            Evaluation evaluation = Evaluator.apply(rules, replayed, storedLog.get(i));
            if (!evaluation.outcomes().equals(storedOutcomes.get(i))) {
                assertThat(evaluation.outcomes()).as("%s: outcomes of stored event %d %s", where, i,
                        storedLog.get(i)).isEqualTo(storedOutcomes.get(i));
            }
            replayResults.add(evaluation);
            replayed = evaluation.state();
        }
        assertThat(replayed).as("%s: the replayed state", where).isEqualTo(log.state());
        assertThat(snapshots(rules, storedLog, replayResults)).as("%s: the daily snapshots", where)
                .isEqualTo(snapshots(rules, applied, appliedResults));
        return new long[] {applied.size(), storedLog.size()};
    }

    /**
     * A run of equity ticks seconds apart, as a bridge sends them while trades are open: a random walk of
     * small steps around the current equity (the balance itself when flat).
     */
    private static Instant burst(Random r, RuleSet rules, AccountState state, Instant at, List<Event> events) {
        int ticks = 1 + r.nextInt(30);
        long step = rules.initialBalance().longValue() / 4000;
        BigDecimal equity = state.isFlat() ? state.balance() : state.equity();
        for (int i = 0; i < ticks; i++) {
            at = at.plusSeconds(1 + r.nextInt(r.nextInt(50) == 0 ? 4 * 60 * 60 : 20));
            if (!state.isFlat()) {
                equity = equity.add(RandomPlans.cents(r, step)).max(BigDecimal.ZERO);
            }
            events.add(new Event.EquityUpdate(r.nextInt(4) == 0 ? "q" + i : null, at, equity));
        }
        return at;
    }

    /** One day's snapshot as figures, without its sequence number (the stored log numbers fewer events). */
    record Day(LocalDate day, int phase, BigDecimal startBalance, BigDecimal endBalance, BigDecimal startEquity,
               BigDecimal endEquity, BigDecimal low, BigDecimal high, BigDecimal peak, BigDecimal maxDrawdown,
               int opened, int closed, BigDecimal profit) {

        static Day of(ChallengeDay d) {
            return new Day(d.tradingDay(), d.phaseIndex(), d.startBalance(), d.endBalance(), d.startEquity(),
                    d.endEquity(), d.lowEquity(), d.highEquity(), d.peakEquity(), d.maxDrawdown(), d.tradesOpened(),
                    d.tradesClosed(), d.profit());
        }
    }

    /**
     * The daily snapshots the worker builds from {@code events}, each with the evaluation it had, as
     * {@code ChallengeWatch} folds them.
     */
    static List<Day> snapshots(RuleSet rules, List<Event> events, List<Evaluation> evaluations) {
        List<ChallengeDay> days = new ArrayList<>();
        ChallengeDay current = null;
        long seq = 0;
        for (Event event : events) {
            Evaluation evaluation = evaluations.get((int) seq);
            AccountState state = evaluation.state();
            seq++;
            if (evaluation.has(OutcomeType.IGNORED_FROZEN)) {
                continue;
            }
            LocalDate day = rules.dayBoundary().tradingDayOf(event.at());
            int phase = state.phaseIndex();
            boolean newPhase = current != null && current.phaseIndex() != phase;
            if (current == null || day.isAfter(current.tradingDay())) {
                BigDecimal initial = rules.initialBalance();
                current = current == null
                        ? ChallengeDay.open("c", day, phase, initial, initial, initial, BigDecimal.ZERO)
                        : ChallengeDay.open("c", day, phase, current.endBalance(), current.endEquity(),
                                newPhase ? state.equity() : current.peakEquity(), current.maxDrawdown());
                days.add(current);
            }
            BigDecimal closedProfit = event instanceof Event.TradeClosed closed ? closed.profit() : null;
            current.record(seq, phase, state.balance(), state.equity(), event.type() == EventType.TRADE_OPENED,
                    closedProfit, newPhase, NOW);
        }
        return days.stream().map(Day::of).toList();
    }
}
