package ai.tradesense.domain.rules;

import static ai.tradesense.domain.rules.Events.clock;
import static ai.tradesense.domain.rules.Events.closed;
import static ai.tradesense.domain.rules.Events.equity;
import static ai.tradesense.domain.rules.Events.opened;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import ai.tradesense.infrastructure.json.PlanCatalogue;

/** Which ticks the log leaves out, and how the pending tick keeps it exact ({@code docs/rules.md} §18). */
class CompactionTest {

    /** 5% daily loss of the initial balance from the day-start balance, 10% static max loss. */
    private static final RuleSet TWO_STEP = PlanCatalogue.rules("two-step-100k");
    /** 09:00 in Prague; the trading day started at 2026-03-01T23:00:00Z. */
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<Integer> LEVELS = List.of(80, 95);

    private CompactingLog log = CompactingLog.start(TWO_STEP, AccountState.start(TWO_STEP, START));
    private long second;

    private Instant next() {
        second += 10;
        return START.plusSeconds(second);
    }

    private CompactingLog.Step apply(Event event) {
        CompactingLog.Step step = log.apply(TWO_STEP, event, LEVELS);
        log = step.log();
        return step;
    }

    private CompactingLog.Step tick(String value) {
        return apply(equity(next(), value));
    }

    /** Opens a trade and sets the day's equity range to 99,500 – 100,500. */
    private void openWithRange() {
        apply(opened("t1", next()));
        assertThat(tick("100500").compacted()).as("a new high of the day").isFalse();
        assertThat(tick("99500").compacted()).as("a new low of the day").isFalse();
    }

    @Test
    void aTickWithinTheDaysRangeIsNotStoredButUpdatesTheState() {
        openWithRange();

        CompactingLog.Step step = tick("100000.25");

        assertThat(step.compacted()).isTrue();
        assertThat(step.stored()).isEmpty();
        assertThat(step.evaluation().outcomes()).isEmpty();
        assertThat(log.state().equity()).isEqualByComparingTo("100000.25");
        assertThat(log.pending()).isEqualTo(equity(START.plusSeconds(second), "100000.25"));
    }

    @Test
    void theNextStoredEventStoresTheLastCompactedTickFirst() {
        openWithRange();
        AccountState beforeTicks = log.state();
        tick("100000");
        Event last = equity(next(), "100200");
        apply(last);

        CompactingLog.Step closing = apply(closed("t1", next(), "150"));

        assertThat(closing.compacted()).isFalse();
        assertThat(closing.stored()).containsExactly(last, closed("t1", START.plusSeconds(second), "150"));
        assertThat(log.pending()).isNull();
        // The replay applies only the last tick: it gives exactly the state every compacted tick gave.
        AccountState replayed = Evaluator.apply(TWO_STEP, beforeTicks, last).state();
        replayed = Evaluator.apply(TWO_STEP, replayed, closed("t1", START.plusSeconds(second), "150")).state();
        assertThat(replayed).isEqualTo(log.state());
    }

    @Test
    void aClockIsAlwaysStoredEvenWhenItCrossesNothing() {
        openWithRange();
        Event pending = tick("100000").log().pending();

        CompactingLog.Step step = apply(clock(next()));

        assertThat(step.evaluation().outcomes()).isEmpty();
        assertThat(step.compacted()).isFalse();
        assertThat(step.stored()).containsExactly(pending, clock(START.plusSeconds(second)));
    }

    @Test
    void trades_aNewDay_andAFrozenChallengeAreAlwaysStored() {
        assertThat(apply(opened("t1", next())).compacted()).isFalse();
        assertThat(tick("100000").compacted()).as("the day's first tick after the open").isTrue();
        assertThat(apply(opened("t2", next())).compacted()).isFalse();
        assertThat(apply(closed("t2", next(), "0")).compacted()).as("a close, even of nothing").isFalse();

        CompactingLog.Step nextDay = apply(equity(Instant.parse("2026-03-03T08:00:00Z"), "100000"));
        assertThat(nextDay.evaluation().has(OutcomeType.DAY_ROLLED)).isTrue();
        assertThat(nextDay.compacted()).isFalse();

        CompactingLog.Step failing = apply(equity(Instant.parse("2026-03-03T08:00:01Z"), "89000"));
        assertThat(failing.evaluation().has(OutcomeType.FAILED)).isTrue();
        CompactingLog.Step frozen = apply(equity(Instant.parse("2026-03-03T08:00:02Z"), "89000"));
        assertThat(frozen.evaluation().outcomes()).containsExactly(new Outcome.IgnoredFrozen(ChallengeStatus.FAILED));
        assertThat(frozen.compacted()).isFalse();
    }

    @Test
    void aTickInsideTheRangeThatChangesTheAlertLevelIsStored() {
        openWithRange();
        // 82% of the 5,000 daily room used: the 80% level is reached, and a new low.
        assertThat(tick("95900").compacted()).isFalse();
        assertThat(tick("96000").compacted()).as("still 80%").isTrue();

        CompactingLog.Step back = tick("97000");

        assertThat(back.evaluation().outcomes()).isEmpty();
        assertThat(back.compacted()).as("back under 80%: the level changed").isFalse();
        assertThat(tick("96500").compacted()).as("70%, as before").isTrue();
    }

    @Test
    void withoutAlertLevelsTheSameTickIsCompacted() {
        openWithRange();
        tick("95900");
        AccountState before = log.state();
        Event back = equity(next(), "97000");
        Evaluation evaluation = Evaluator.apply(TWO_STEP, before, back);

        assertThat(Compaction.isCompactable(TWO_STEP, before, back, evaluation, List.of(), log.marks())).isTrue();
        assertThat(Compaction.isCompactable(TWO_STEP, before, back, evaluation, LEVELS, log.marks())).isFalse();
    }

    @Test
    void aTickThatRaisesATrailingFloorIsStored() {
        RuleSet trailing = Plans.plan("100000")
                .phase(Plans.evaluation().maxLoss(Plans.pct("10"), MaxLossRule.Mode.TRAILING_INTRADAY_EQUITY, null))
                .build();
        AccountState state = Evaluator.apply(trailing, AccountState.start(trailing, START), opened("t1", next()))
                .state();
        // Marks as if the day had already seen 101,000: only the engine's own state tells the floor moved.
        Compaction.Marks wide = new Compaction.Marks(LocalDate.of(2026, 3, 2), 0, state.equity(),
                new BigDecimal("99000"), new BigDecimal("101000"), new BigDecimal("101000"), new BigDecimal("2000"));
        Event up = equity(next(), "100400");
        Evaluation evaluation = Evaluator.apply(trailing, state, up);

        assertThat(evaluation.outcomes()).isEmpty();
        assertThat(evaluation.state().maxLossFloor()).isGreaterThan(state.maxLossFloor());
        assertThat(Compaction.isCompactable(trailing, state, up, evaluation, List.of(), wide)).isFalse();
    }

    @Test
    void aFallDeeperThanAnyBeforeIsStoredEvenInsideTheDaysRange() {
        // The day went down to 99,000 from 100,000 (a fall of 1,000), then up to 101,000.
        Compaction.Marks marks = new Compaction.Marks(LocalDate.of(2026, 3, 2), 0, new BigDecimal("101000"),
                new BigDecimal("99000"), new BigDecimal("101000"), new BigDecimal("101000"), new BigDecimal("1000"));

        assertThat(marks.holdStill(LocalDate.of(2026, 3, 2), 0, new BigDecimal("100000"))).isTrue();
        assertThat(marks.holdStill(LocalDate.of(2026, 3, 2), 0, new BigDecimal("99500")))
                .as("1,500 below the peak").isFalse();
        assertThat(marks.holdStill(LocalDate.of(2026, 3, 3), 0, new BigDecimal("100000"))).as("another day").isFalse();
        assertThat(marks.holdStill(LocalDate.of(2026, 3, 2), 1, new BigDecimal("100000"))).as("another phase")
                .isFalse();
    }

    @Test
    void aTickHeavyHistoryStoresAFewPercentOfItsTicks() {
        apply(opened("t1", next()));
        Random r = new Random(7);
        BigDecimal value = new BigDecimal("100000");
        int ticks = 10_000;
        int stored = 0;
        for (int i = 0; i < ticks; i++) {
            value = value.add(BigDecimal.valueOf(r.nextInt(1001) - 500, 2));
            stored += apply(new Event.EquityUpdate(null, START.plusSeconds(100 + i), value)).stored().size();
        }
        stored += log.pending() == null ? 0 : 1;

        assertThat(stored).as("stored of %d ticks", ticks).isLessThan(ticks / 20);
    }
}
