package ai.tradesense.domain.rules;

import static ai.tradesense.domain.rules.Conducts.conduct;
import static ai.tradesense.domain.rules.OnViolation.EXCLUDE;
import static ai.tradesense.domain.rules.OnViolation.FAIL;
import static ai.tradesense.domain.rules.OnViolation.FLAG;
import static ai.tradesense.domain.rules.OnViolation.PAUSE;
import static ai.tradesense.domain.rules.Plans.amount;
import static ai.tradesense.domain.rules.Plans.evaluation;
import static ai.tradesense.domain.rules.Plans.pct;
import static ai.tradesense.domain.rules.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits judged at a trade's open or close (docs/rules.md §19): at the limit and one past it. */
class ConductLimitsTest {

    private static Session session(Conducts conduct) {
        return Session.start(plan("100000").phase(evaluation().target(pct("10")).maxLoss(pct("10"))
                .dailyLoss(pct("5")).conduct(conduct.build())), "2024-03-04T09:00");
    }

    private static Session open(Session s, String id, String volume) {
        return s.apply(new Event.TradeOpened(id, s.now(), "EURUSD", Side.BUY, new BigDecimal(volume),
                new BigDecimal("1.085")));
    }

    private static Session openWithRisk(Session s, String id, String risk) {
        return s.apply(new Event.TradeOpened(id, s.now(), "EURUSD", Side.BUY, BigDecimal.ONE,
                new BigDecimal("1.085"), new BigDecimal("1.08"), null, new BigDecimal(risk), null));
    }

    private static List<Outcome.ConductViolation> violations(Session s) {
        return s.outcomes().stream().filter(Outcome.ConductViolation.class::isInstance)
                .map(Outcome.ConductViolation.class::cast).toList();
    }

    @Test
    void aTradeOfExactlyTheMaximumLotsIsAllowed() {
        Session s = open(session(conduct().maxLotsPerTrade("5", FAIL)), "t1", "5.00");
        assertThat(violations(s)).isEmpty();
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
    }

    @Test
    void aTradeOneStepAboveTheMaximumLotsFailsNamingTheRule() {
        Session s = open(session(conduct().maxLotsPerTrade("5", FAIL)), "t1", "5.01");
        assertThat(violations(s)).containsExactly(
                new Outcome.ConductViolation(ConductRule.MAX_LOTS_PER_TRADE, "t1", FAIL));
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(s.state().failure().rule()).isEqualTo(FailureRule.MAX_LOTS_PER_TRADE);
        assertThat(s.state().failure().floor()).isNull();
    }

    @Test
    void openLotsAtTheLimitAreAllowedAndAboveItViolate() {
        Session s = session(conduct().maxOpenLots("3", FLAG));
        open(s, "t1", "2");
        open(s, "t2", "1");
        assertThat(violations(s)).isEmpty();
        open(s, "t3", "0.01");
        assertThat(violations(s)).containsExactly(new Outcome.ConductViolation(ConductRule.MAX_OPEN_LOTS, "t3", FLAG));
        s.close("t1", "10");
        open(s, "t4", "1.99");
        assertThat(violations(s)).as("closing frees its lots").isEmpty();
    }

    @Test
    void openTradesAtTheCountAreAllowedAndOneMoreViolates() {
        Session s = session(conduct().maxOpenTrades(2, FLAG));
        s.open("t1").open("t2");
        assertThat(violations(s)).isEmpty();
        s.open("t3");
        assertThat(violations(s)).containsExactly(new Outcome.ConductViolation(ConductRule.MAX_OPEN_TRADES, "t3", FLAG));
        assertThat(s.state().status()).as("a flag changes nothing").isEqualTo(ChallengeStatus.ACTIVE);
    }

    @Test
    void theTradeAfterTheDailyCountViolatesAndTheCountStartsAgainAtTheBoundary() {
        Session s = session(conduct().maxTradesPerDay(2, FLAG));
        s.open("t1").close("t1", "1").open("t2").close("t2", "1");
        assertThat(violations(s)).isEmpty();
        s.open("t3");
        assertThat(violations(s)).containsExactly(
                new Outcome.ConductViolation(ConductRule.MAX_TRADES_PER_DAY, "t3", FLAG));
        s.at("2024-03-05T09:00").open("t4").open("t5");
        assertThat(s.all(Outcome.ConductViolation.class)).hasSize(1);
    }

    @Test
    void aRiskOfExactlyTheAllowanceIsAllowedAndACentMoreViolates() {
        Session s = session(conduct().riskPerTrade(pct("1"), FLAG));
        openWithRisk(s, "t1", "1000.00");
        assertThat(violations(s)).isEmpty();
        openWithRisk(s, "t2", "1000.01");
        assertThat(violations(s)).containsExactly(new Outcome.ConductViolation(ConductRule.RISK_PER_TRADE, "t2", FLAG));
    }

    @Test
    void aFixedRiskAllowanceIsAnAmountAndATradeWithoutReportedRiskIsNotJudged() {
        Session s = session(conduct().riskPerTrade(amount("250"), FAIL));
        s.open("t1");
        assertThat(violations(s)).isEmpty();
        openWithRisk(s, "t2", "250.01");
        assertThat(s.state().failure().rule()).isEqualTo(FailureRule.RISK_PER_TRADE);
    }

    @Test
    void aTradeHeldExactlyTheMinimumIsFineAndOneSecondLessViolates() {
        Session s = session(conduct().minHold(60, FLAG));
        s.open("t1").at("2024-03-04T09:01:00").close("t1", "10");
        assertThat(violations(s)).isEmpty();
        s.open("t2").at("2024-03-04T09:01:59").close("t2", "10");
        assertThat(violations(s)).containsExactly(new Outcome.ConductViolation(ConductRule.MIN_HOLD, "t2", FLAG));
    }

    @Test
    void excludedProfitStaysInTheBalanceButDoesNotReachTheTarget() {
        Session s = session(conduct().minHold(60, EXCLUDE));
        s.open("t1").at("2024-03-04T09:00:30").close("t1", "9000");
        assertThat(violations(s)).containsExactly(new Outcome.ConductViolation(ConductRule.MIN_HOLD, "t1", EXCLUDE));
        assertThat(s.state().balance()).isEqualByComparingTo("109000");
        assertThat(s.state().excludedProfit()).isEqualByComparingTo("9000");
        s.at("2024-03-04T10:00").open("t2").at("2024-03-04T11:00").close("t2", "9000");
        assertThat(s.state().status()).as("18,000 closed, 9,000 of it excluded: short of 10,000")
                .isEqualTo(ChallengeStatus.ACTIVE);
        assertThat(s.state().profitTargetProgressPct(s.rules())).isEqualByComparingTo("90.00");
        s.open("t3").at("2024-03-04T12:00").close("t3", "1000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.PASSED);
    }

    @Test
    void aLosingTradeExcludesNothing() {
        Session s = session(conduct().minHold(60, EXCLUDE));
        s.open("t1").at("2024-03-04T09:00:10").close("t1", "-500");
        assertThat(violations(s)).hasSize(1);
        assertThat(s.state().excludedProfit()).isEqualByComparingTo("0");
    }

    @Test
    void aPauseBlocksTheAccountUntilTheNextDayBoundary() {
        Session s = session(conduct().maxOpenTrades(1, PAUSE));
        s.open("t1").open("t2");
        assertThat(s.outcomeTypes()).containsSubsequence(OutcomeType.CONDUCT_VIOLATION, OutcomeType.PAUSED);
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.PAUSED);
        assertThat(s.state().pausedUntil()).isEqualTo(s.instant("2024-03-05T00:00"));
        s.at("2024-03-05T00:00").clock();
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
    }

    @Test
    void aLossFailureAndAConductFailureOnOneEventNameTheLoss() {
        Session s = session(conduct().minHold(600, FAIL));
        s.open("t1").at("2024-03-04T09:01").close("t1", "-5001");
        assertThat(s.state().failure().rule()).isEqualTo(FailureRule.DAILY_LOSS);
        assertThat(violations(s)).as("the loss wins; the account is judged no further").isEmpty();
    }

    @Test
    void aFailAmongSeveralViolationsOfOneOpenFailsUnderTheFirstFailingRule() {
        Session s = session(conduct().maxLotsPerTrade("1", FLAG).maxOpenLots("1", FAIL).maxOpenTrades(0, PAUSE));
        open(s, "t1", "2");
        assertThat(violations(s)).extracting(Outcome.ConductViolation::rule)
                .containsExactly(ConductRule.MAX_LOTS_PER_TRADE, ConductRule.MAX_OPEN_LOTS, ConductRule.MAX_OPEN_TRADES);
        assertThat(s.state().failure().rule()).isEqualTo(FailureRule.MAX_OPEN_LOTS);
        assertThat(s.outcomeTypes()).doesNotContain(OutcomeType.PAUSED);
    }

    @Test
    void aConductFailureOnThePassingCloseStopsThePass() {
        Session s = session(conduct().minHold(60, FAIL));
        s.open("t1").at("2024-03-04T09:00:30").close("t1", "10000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(s.outcomeTypes()).doesNotContain(OutcomeType.PASSED);
    }

    @Test
    void onlyMinHoldAndNewsMayExclude() {
        assertThatThrownBy(() -> conduct().maxOpenTrades(1, EXCLUDE).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxOpenTrades");
    }

    @Test
    void aPlanWithoutConductRulesKeepsNoConductState() {
        Session s = Session.start(plan("100000").phase(evaluation().maxLoss(pct("10"))), "2024-03-04T09:00");
        s.open("t1");
        assertThat(s.state().conduct()).isEqualTo(ConductState.NONE);
    }
}
