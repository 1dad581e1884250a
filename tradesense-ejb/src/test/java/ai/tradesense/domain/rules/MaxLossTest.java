package ai.tradesense.domain.rules;

import static ai.tradesense.domain.rules.Plans.amount;
import static ai.tradesense.domain.rules.Plans.funded;
import static ai.tradesense.domain.rules.Plans.pct;
import static ai.tradesense.domain.rules.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import ai.tradesense.domain.rules.MaxLossRule.Lock;
import ai.tradesense.domain.rules.MaxLossRule.Mode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MaxLossTest {

    private static final String START = "2024-03-04T08:00";

    private static Session with(MaxLossRule.Mode mode, Lock lock) {
        return Session.start(plan("50000").phase(funded().maxLoss(amount("2000"), mode, lock)), START);
    }

    @Test
    void staticFloorNeverMovesWithProfit() {
        Session s = Session.start(plan("100000").phase(funded().maxLoss(pct("10"))), START)
                .at("2024-03-04T10:00").open("t1").close("t1", "5000")
                .at("2024-03-05T10:00").open("t2").equity("108000");
        assertThat(s.maxLossFloor()).isEqualByComparingTo("90000");
    }

    @Test
    void phaseWithoutMaxLossHasNoFloor() {
        Session s = Session.start(plan("100000").phase(funded().dailyLoss(pct("5"))), START)
                .at("2024-03-04T10:00").open("t1").equity("1");
        assertThat(s.maxLossFloor()).isNull();
        assertThat(s.state().failure().rule()).isEqualTo(FailureRule.DAILY_LOSS);
    }

    @Test
    void trailingClosedBalanceRisesOnClosesOnly() {
        Session s = with(Mode.TRAILING_CLOSED_BALANCE, null)
                .at("2024-03-04T10:00").open("t1").open("t2").equity("51500");
        assertThat(s.maxLossFloor()).as("floating profit does not count").isEqualByComparingTo("48000");

        s.close("t1", "700");
        assertThat(s.maxLossFloor()).isEqualByComparingTo("48700");

        s.close("t2", "-300");
        assertThat(s.maxLossFloor()).as("never falls").isEqualByComparingTo("48700");
    }

    @Test
    void trailingClosedBalanceFailsBelowTheRaisedFloor() {
        Session s = with(Mode.TRAILING_CLOSED_BALANCE, null)
                .at("2024-03-04T10:00").open("t1").close("t1", "1000")
                .open("t2").equity("48999.99");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(s.state().failure().floor()).isEqualByComparingTo("49000");
    }

    @Test
    void trailingEndOfDayTakesTheBalanceAtTheBoundaryNotTheEquity() {
        Session s = with(Mode.TRAILING_EOD_BALANCE, null)
                .at("2024-03-04T10:00").open("t1").open("t2").close("t1", "600").equity("53000")
                .at("2024-03-05T00:00").clock();
        assertThat(s.maxLossFloor()).isEqualByComparingTo("48600");
    }

    @Test
    void trailingEndOfDayAppliesEachBoundaryOfALongGap() {
        Session s = with(Mode.TRAILING_EOD_BALANCE, null)
                .at("2024-03-04T10:00").open("t1").close("t1", "600")
                .at("2024-03-09T10:00").clock();
        assertThat(s.maxLossFloor()).isEqualByComparingTo("48600");
        assertThat(s.all(Outcome.DayRolled.class)).hasSize(5);
    }

    @Test
    void trailingIntradayEquityFailsBelowTheFloatingPeakFloor() {
        Session s = with(Mode.TRAILING_INTRADAY_EQUITY, null)
                .at("2024-03-04T10:00").open("t1").equity("51000").equity("49000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        s.equity("48999.99");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(s.state().failure()).isEqualTo(new Failure(FailureRule.MAX_LOSS, s.now(),
                new BigDecimal("49000"), new BigDecimal("48999.99")));
    }

    @Test
    void lockAtInitialStopsTheTrailingIntradayFloor() {
        Session s = with(Mode.TRAILING_INTRADAY_EQUITY, new Lock.AtInitial())
                .at("2024-03-04T10:00").open("t1").equity("51999").equity("53000").equity("60000");
        assertThat(s.maxLossFloor()).isEqualByComparingTo("50000");
        assertThat(s.state().maxLossReference()).isEqualByComparingTo("60000");
    }

    @Test
    void lockAtInitialPlusCapsTheFloorAboveInitial() {
        Session s = with(Mode.TRAILING_CLOSED_BALANCE, new Lock.InitialPlus(new BigDecimal("100")))
                .at("2024-03-04T10:00").open("t1").close("t1", "1500");
        assertThat(s.maxLossFloor()).isEqualByComparingTo("49500");

        s.open("t2").close("t2", "1000");
        assertThat(s.maxLossFloor()).isEqualByComparingTo("50100");

        s.open("t3").close("t3", "-2000").open("t4").close("t4", "5000");
        assertThat(s.maxLossFloor()).as("once reached it stays").isEqualByComparingTo("50100");
    }

    @Test
    void percentMaxLossIsAlwaysOfTheInitialBalance() {
        Session s = Session.start(plan("100000").phase(funded().maxLoss(pct("4"), Mode.TRAILING_CLOSED_BALANCE)), START)
                .at("2024-03-04T10:00").open("t1").close("t1", "10000");
        assertThat(s.maxLossFloor()).as("110,000 - 4% of 100,000").isEqualByComparingTo("106000");
    }

    @Test
    void maxLossBreachedByTheEquityOfACloseThatLeavesTheAccountFlat() {
        Session s = with(Mode.STATIC, null)
                .at("2024-03-04T10:00").open("t1").close("t1", "-2000.01");
        assertThat(s.state().equity()).isEqualByComparingTo("47999.99");
        assertThat(s.state().failure().rule()).isEqualTo(FailureRule.MAX_LOSS);
    }
}
