package ai.tradesense.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.tradesense.infrastructure.json.PlanCatalogue;

/** What a trader's screen shows beside the floors: the room left to each, and the way to the target. */
class RoomAndProgressTest {

    private static final RuleSet TWO_STEP = PlanCatalogue.rules("two-step-100k");
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void showsTheWholeAllowanceAsRoomOnAFreshAccount() {
        AccountState fresh = AccountState.start(TWO_STEP, START);

        assertThat(fresh.dailyLossRoom(TWO_STEP)).isEqualByComparingTo("5000");
        assertThat(fresh.maxLossRoom()).isEqualByComparingTo("10000");
        assertThat(fresh.profitTargetProgressPct(TWO_STEP)).isEqualByComparingTo("0");
    }

    @Test
    void shrinksTheRoomWithEquityAndTurnsNegativeWhenAFloorIsCrossed() {
        AccountState state = AccountState.start(TWO_STEP, START);
        state = Evaluator.apply(TWO_STEP, state, new Event.EquityUpdate(null, START.plusSeconds(60), new BigDecimal("96500.50"))).state();

        assertThat(state.dailyLossRoom(TWO_STEP)).isEqualByComparingTo("1500.50");
        assertThat(state.maxLossRoom()).isEqualByComparingTo("6500.50");

        state = Evaluator.apply(TWO_STEP, state, new Event.EquityUpdate(null, START.plusSeconds(120), new BigDecimal("94000"))).state();
        assertThat(state.dailyLossRoom(TWO_STEP)).isEqualByComparingTo("-1000");
    }

    @Test
    void measuresProgressByClosedProfitAgainstTheTargetsProfit() {
        AccountState state = AccountState.start(TWO_STEP, START);
        state = Evaluator.apply(TWO_STEP, state, new Event.TradeOpened("t", START.plusSeconds(60), "EURUSD", Side.BUY,
                BigDecimal.ONE, BigDecimal.ONE)).state();
        state = Evaluator.apply(TWO_STEP, state, new Event.TradeClosed("t", START.plusSeconds(120), BigDecimal.ONE,
                new BigDecimal("2500"))).state();

        assertThat(state.profitTargetProgressPct(TWO_STEP)).isEqualByComparingTo("25.00");
    }

    @Test
    void hasNoProgressOnAFundedPhase() {
        RuleSet funded = new RuleSet("f", "Funded", "USD", new BigDecimal("100000"), TWO_STEP.dayBoundary(),
                BreachWhen.BELOW, List.of(TWO_STEP.phase(2)));

        assertThat(AccountState.start(funded, START).profitTargetProgressPct(funded)).isNull();
    }
}
