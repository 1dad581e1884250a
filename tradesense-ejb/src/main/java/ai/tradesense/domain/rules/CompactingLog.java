package ai.tradesense.domain.rules;

import java.util.List;
import java.util.Objects;

/**
 * One challenge's account as tick compaction keeps it ({@code docs/rules.md} §18): the state after every
 * applied event, the equity marks of the snapshots, and the pending tick, the last compacted tick since
 * the last stored event (null when that event was stored). Before anything else is stored, the pending
 * tick is: applied to the state the stored log ends in, it gives exactly the state all the compacted
 * ticks gave, since each of them changed nothing but equity and time. Immutable and pure.
 *
 * @param state   the account after every applied event, compacted ones included
 * @param marks   the snapshots' equity marks, folded over the same events
 * @param pending the tick not stored yet; the stored log plus it replays to {@code state}
 */
public record CompactingLog(AccountState state, Compaction.Marks marks, Event pending) {

    public CompactingLog {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(marks, "marks");
        if (pending != null && pending.type() != EventType.EQUITY) {
            throw new IllegalArgumentException("only an EQUITY tick can be pending");
        }
    }

    /** A challenge that has just started in {@code state}, with nothing stored. */
    public static CompactingLog start(RuleSet rules, AccountState state) {
        return new CompactingLog(state, Compaction.Marks.start(rules), null);
    }

    /**
     * What applying one event did.
     *
     * @param evaluation what the engine answered, as for a stored event
     * @param compacted  true when the event is a compacted tick, not stored (now the pending one)
     * @param stored     what to append to the log, in order: nothing for a compacted tick, else the pending
     *                   tick (when there is one) and then the event; for a staff action, only the pending
     *                   tick (the action itself is audited, not logged)
     * @param log        the account after the event
     */
    public record Step(Evaluation evaluation, boolean compacted, List<Event> stored, CompactingLog log) {

        public Step {
            Objects.requireNonNull(evaluation, "evaluation");
            stored = List.copyOf(stored);
            Objects.requireNonNull(log, "log");
        }
    }

    /**
     * Applies {@code event} through {@link Evaluator#apply} and decides with {@link Compaction#isCompactable}
     * whether it is stored.
     *
     * @throws EventRejectedException before anything changes, as {@link Evaluator#apply}; nothing is stored
     *                                and the pending tick stays pending
     */
    public Step apply(RuleSet rules, Event event, List<Integer> alertLevels) {
        return apply(rules, event, EconomicCalendar.EMPTY, alertLevels);
    }

    /** As {@link #apply(RuleSet, Event, List)}, news trading judged against {@code calendar}. */
    public Step apply(RuleSet rules, Event event, EconomicCalendar calendar, List<Integer> alertLevels) {
        Evaluation evaluation = Evaluator.apply(rules, state, event, calendar);
        Compaction.Marks nextMarks = marks.next(rules, event, evaluation);
        if (Compaction.isCompactable(rules, state, event, evaluation, alertLevels, marks)) {
            return new Step(evaluation, true, List.of(), new CompactingLog(evaluation.state(), nextMarks, event));
        }
        List<Event> stored = pending == null ? List.of(event) : List.of(pending, event);
        return new Step(evaluation, false, stored, new CompactingLog(evaluation.state(), nextMarks, null));
    }

    /**
     * Applies a staff action through {@link Evaluator#act}. The pending tick is stored first (the action
     * reads the equity it set); the marks stay, since the snapshots never see actions.
     *
     * @throws EventRejectedException before anything changes, as {@link Evaluator#act}
     */
    public Step act(RuleSet rules, ManualAction action) {
        Evaluation evaluation = Evaluator.act(rules, state, action);
        return new Step(evaluation, false, pending == null ? List.of() : List.of(pending),
                new CompactingLog(evaluation.state(), marks, null));
    }
}
