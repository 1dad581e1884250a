package ai.tradesense.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.tradesense.infrastructure.json.PlanCatalogue;

/** What the risk worker asks between events: the ticks owed, the room used, a quiet feed. */
class RiskWatchTest {

    private static final RuleSet TWO_STEP = PlanCatalogue.rules("two-step-100k");
    /** Prague is UTC+1 in early March: trading days start at 23:00 UTC. */
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<Integer> LEVELS = List.of(80, 95);

    private static AccountState apply(AccountState state, Event event) {
        return Evaluator.apply(TWO_STEP, state, event).state();
    }

    @Test
    void owesOneTickPerMissedBoundaryInOrderAndNoneOnceTheyAreApplied() {
        AccountState state = AccountState.start(TWO_STEP, START);
        Instant now = Instant.parse("2026-03-05T12:00:00Z");

        List<RiskWatch.DueClock> due = RiskWatch.dueClocks(state, TWO_STEP, now, 400);

        assertThat(due).extracting(RiskWatch.DueClock::at).containsExactly(Instant.parse("2026-03-02T23:00:00Z"),
                Instant.parse("2026-03-03T23:00:00Z"), Instant.parse("2026-03-04T23:00:00Z"));
        assertThat(due).extracting(RiskWatch.DueClock::reason).containsOnly(RiskWatch.Reason.DAY_BOUNDARY);
        for (RiskWatch.DueClock clock : due) {
            state = apply(state, new Event.Clock("clock:" + clock.at(), clock.at()));
        }
        assertThat(state.currentDayStart()).isEqualTo(Instant.parse("2026-03-04T23:00:00Z"));
        assertThat(RiskWatch.dueClocks(state, TWO_STEP, now, 400)).isEmpty();
    }

    @Test
    void followsThePlansZoneOverTheDaylightSavingChange() {
        AccountState state = AccountState.start(TWO_STEP, Instant.parse("2026-03-28T10:00:00Z"));

        List<RiskWatch.DueClock> due = RiskWatch.dueClocks(state, TWO_STEP, Instant.parse("2026-03-30T12:00:00Z"), 400);

        // Midnight in Prague is 23:00 UTC before the change and 22:00 UTC after it.
        assertThat(due).extracting(RiskWatch.DueClock::at).containsExactly(Instant.parse("2026-03-28T23:00:00Z"),
                Instant.parse("2026-03-29T22:00:00Z"));
    }

    @Test
    void listsAtMostTheGivenBoundariesAndThenTheMomentItself() {
        AccountState state = AccountState.start(TWO_STEP, START);
        Instant now = Instant.parse("2026-03-09T12:00:00Z");

        List<RiskWatch.DueClock> due = RiskWatch.dueClocks(state, TWO_STEP, now, 2);

        assertThat(due).extracting(RiskWatch.DueClock::at).containsExactly(Instant.parse("2026-03-02T23:00:00Z"),
                Instant.parse("2026-03-03T23:00:00Z"), now);
    }

    @Test
    void owesATickAtTheTimeLimitAndTheAccountFailsAtItThroughTheEngine() {
        RuleSet limited = Plans.plan("100000").phase(Plans.evaluation().target(Plans.pct("10")).maxDays(3)).build();
        AccountState state = AccountState.start(limited, START);
        Instant deadline = RiskWatch.nextDeadline(state);
        assertThat(deadline).isEqualTo(state.timeLimitAt()).isNotNull();

        List<RiskWatch.DueClock> due = RiskWatch.dueClocks(state, limited, deadline.plusSeconds(3600), 400);

        assertThat(due).extracting(RiskWatch.DueClock::reason).contains(RiskWatch.Reason.TIME_LIMIT);
        assertThat(due).extracting(RiskWatch.DueClock::at).isSorted().doesNotHaveDuplicates();
        for (RiskWatch.DueClock clock : due) {
            state = Evaluator.apply(limited, state, new Event.Clock("clock:" + clock.at(), clock.at())).state();
        }
        assertThat(state.status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(state.failure().rule()).isEqualTo(FailureRule.TIME_LIMIT);
        assertThat(state.failure().at()).isEqualTo(deadline);
    }

    @Test
    void owesATickWhenTheInactivityDeadlinePasses() {
        // The two-step plan fails an account with no trade opened for 30 days.
        AccountState state = AccountState.start(TWO_STEP, START);
        Instant deadline = state.inactivityDeadline();
        assertThat(RiskWatch.nextDeadline(state)).isEqualTo(deadline);

        assertThat(RiskWatch.dueClocks(state, TWO_STEP, deadline.minusSeconds(1), 400))
                .extracting(RiskWatch.DueClock::reason).doesNotContain(RiskWatch.Reason.INACTIVITY);
        assertThat(RiskWatch.dueClocks(state, TWO_STEP, deadline, 400))
                .contains(new RiskWatch.DueClock(deadline, RiskWatch.Reason.INACTIVITY));
    }

    @Test
    void owesNothingBeforeTheLastEventNorToAFrozenAccount() {
        AccountState state = AccountState.start(TWO_STEP, START);
        state = apply(state, new Event.EquityUpdate(null, Instant.parse("2026-03-03T10:00:00Z"), new BigDecimal("100000")));
        assertThat(RiskWatch.dueClocks(state, TWO_STEP, Instant.parse("2026-03-03T12:00:00Z"), 400)).isEmpty();

        state = apply(state, new Event.EquityUpdate(null, Instant.parse("2026-03-03T11:00:00Z"), new BigDecimal("89000")));
        assertThat(state.status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(RiskWatch.dueClocks(state, TWO_STEP, Instant.parse("2026-03-09T12:00:00Z"), 400)).isEmpty();
        assertThat(RiskWatch.nextDeadline(state)).isNull();
        assertThat(RiskWatch.warnings(state, RiskWatch.roomUse(state, TWO_STEP), LEVELS)).isEmpty();
    }

    @Test
    void measuresTheShareOfEachFloorsRoomUsed() {
        AccountState fresh = AccountState.start(TWO_STEP, START);
        RiskWatch.RoomUse none = RiskWatch.roomUse(fresh, TWO_STEP);
        assertThat(none.dailyLoss()).isEqualByComparingTo("0");
        assertThat(none.maxLoss()).isEqualByComparingTo("0");

        // 5,000 of daily room and 10,000 of max loss room: 96,000 uses 80% and 40%.
        AccountState down = apply(fresh, new Event.EquityUpdate(null, START.plusSeconds(60), new BigDecimal("96000")));
        RiskWatch.RoomUse use = RiskWatch.roomUse(down, TWO_STEP);
        assertThat(use.dailyLoss()).isEqualByComparingTo("0.8");
        assertThat(use.maxLoss()).isEqualByComparingTo("0.4");
        assertThat(RiskWatch.warnings(down, use, LEVELS)).containsExactly(
                new RiskWatch.Warning(RiskWatch.Floor.DAILY_LOSS, 80, use.dailyLoss()));

        AccountState further = apply(down, new Event.EquityUpdate(null, START.plusSeconds(120), new BigDecimal("95200")));
        RiskWatch.RoomUse more = RiskWatch.roomUse(further, TWO_STEP);
        assertThat(more.dailyLoss()).isEqualByComparingTo("0.96");
        assertThat(RiskWatch.warnings(further, more, LEVELS)).extracting(RiskWatch.Warning::percent).containsExactly(80, 95);

        AccountState up = apply(further, new Event.EquityUpdate(null, START.plusSeconds(180), new BigDecimal("101000")));
        assertThat(RiskWatch.roomUse(up, TWO_STEP).dailyLoss()).as("never below nothing used").isEqualByComparingTo("0");
    }

    @Test
    void callsAFeedStaleOnlyWithOpenTradesAndNoEquityForTheGivenTime() {
        AccountState flat = AccountState.start(TWO_STEP, START);
        Instant lastFeed = START.plusSeconds(60);
        Instant now = lastFeed.plus(Duration.ofMinutes(20));
        assertThat(RiskWatch.feedStale(flat, lastFeed, START, now, Duration.ofMinutes(15))).isFalse();

        AccountState open = apply(flat, new Event.TradeOpened("t", START.plusSeconds(30), "EURUSD", Side.BUY,
                BigDecimal.ONE, BigDecimal.ONE));
        assertThat(open.openTradeIds()).isEqualTo(Set.of("t"));
        assertThat(RiskWatch.feedStale(open, lastFeed, START, now, Duration.ofMinutes(15))).isTrue();
        assertThat(RiskWatch.feedStale(open, lastFeed, START, now, Duration.ofMinutes(30))).isFalse();
        assertThat(RiskWatch.feedStale(open, null, START, START.plus(Duration.ofMinutes(16)), Duration.ofMinutes(15)))
                .as("never reported: counted from the opening").isTrue();
    }
}
