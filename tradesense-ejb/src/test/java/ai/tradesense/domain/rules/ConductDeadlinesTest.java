package ai.tradesense.domain.rules;

import static ai.tradesense.domain.rules.Conducts.conduct;
import static ai.tradesense.domain.rules.OnViolation.FAIL;
import static ai.tradesense.domain.rules.OnViolation.FLAG;
import static ai.tradesense.domain.rules.OnViolation.PAUSE;
import static ai.tradesense.domain.rules.Plans.evaluation;
import static ai.tradesense.domain.rules.Plans.pct;
import static ai.tradesense.domain.rules.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The stop-loss deadline and the flatBy instants, applied when time passes them (docs/rules.md §19). */
class ConductDeadlinesTest {

    private static final BigDecimal STOP = new BigDecimal("1.08");

    private static Session session(Conducts conduct) {
        return Session.start(plan("100000").phase(evaluation().target(pct("10")).maxLoss(pct("10"))
                .conduct(conduct.build())), "2024-03-25T09:00");
    }

    private static Session modify(Session s, String id) {
        return s.apply(new Event.TradeModified(id, s.now(), STOP, null));
    }

    @Test
    void aStopLossAddedOneSecondBeforeTheDeadlineSatisfiesTheRule() {
        Session s = session(conduct().stopLoss(60, FAIL));
        s.open("t1");
        assertThat(RiskWatch.nextDeadline(s.state())).isEqualTo(s.instant("2024-03-25T09:01:00"));
        modify(s.at("2024-03-25T09:00:59"), "t1");
        assertThat(RiskWatch.nextDeadline(s.state())).isNull();
        s.at("2024-03-25T09:30").clock();
        assertThat(s.all(Outcome.ConductViolation.class)).isEmpty();
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
    }

    @Test
    void aStopLossAddedOneSecondAfterTheDeadlineComesTooLate() {
        Session s = session(conduct().stopLoss(60, FAIL));
        s.open("t1");
        modify(s.at("2024-03-25T09:01:01"), "t1");
        assertThat(s.all(Outcome.ConductViolation.class)).containsExactly(
                new Outcome.ConductViolation(ConductRule.STOP_LOSS_MISSING, "t1", FAIL));
        assertThat(s.state().failure().rule()).isEqualTo(FailureRule.STOP_LOSS_MISSING);
        assertThat(s.state().failure().at()).as("failed at the deadline, not at the modify")
                .isEqualTo(s.instant("2024-03-25T09:01:00"));
        assertThat(s.outcomeTypes()).endsWith(OutcomeType.IGNORED_FROZEN);
    }

    @Test
    void theWorkersClockAppliesAPassedStopLossDeadlineOnce() {
        Session s = session(conduct().stopLoss(60, FLAG));
        s.open("t1");
        Instant deadline = s.instant("2024-03-25T09:01:00");
        assertThat(RiskWatch.dueClocks(s.state(), s.rules(), deadline.plusSeconds(30), 10))
                .contains(new RiskWatch.DueClock(deadline, RiskWatch.Reason.CONDUCT_DEADLINE));
        s.atInstant(deadline).clock();
        assertThat(s.outcomes()).containsExactly(new Outcome.ConductViolation(ConductRule.STOP_LOSS_MISSING, "t1", FLAG));
        s.at("2024-03-25T10:00").clock();
        assertThat(s.all(Outcome.ConductViolation.class)).hasSize(1);
        assertThat(RiskWatch.nextDeadline(s.state())).isNull();
    }

    @Test
    void aTradeOpenedWithItsStopLossHasNoDeadline() {
        Session s = session(conduct().stopLoss(60, FAIL));
        s.apply(new Event.TradeOpened("t1", s.now(), "EURUSD", Side.BUY, BigDecimal.ONE, new BigDecimal("1.085"),
                STOP, null, null, null));
        s.at("2024-03-25T12:00").clock();
        assertThat(s.all(Outcome.ConductViolation.class)).isEmpty();
    }

    @Test
    void flatByFollowsTheZonesClockAcrossTheChangeToSummerTime() {
        Session s = session(conduct().flatBy(DayOfWeek.FRIDAY, "22:00", "Europe/London", FLAG));
        s.open("t1");
        // Before 31 March 2024 London is on GMT: Friday 22:00 is 22:00Z; after it, on BST, 21:00Z.
        assertThat(RiskWatch.nextDeadline(s.state())).isEqualTo(Instant.parse("2024-03-29T22:00:00Z"));
        s.atInstant(Instant.parse("2024-03-29T21:59:59Z")).clock();
        assertThat(s.all(Outcome.ConductViolation.class)).isEmpty();
        s.atInstant(Instant.parse("2024-03-29T22:00:00Z")).clock();
        assertThat(s.outcomes()).contains(new Outcome.ConductViolation(ConductRule.WEEKEND_HOLDING, "t1", FLAG));
        assertThat(RiskWatch.nextDeadline(s.state())).isEqualTo(Instant.parse("2024-04-05T21:00:00Z"));
        s.atInstant(Instant.parse("2024-04-05T20:59:59Z")).clock();
        assertThat(s.all(Outcome.ConductViolation.class)).hasSize(1);
        s.atInstant(Instant.parse("2024-04-05T21:00:00Z")).clock();
        assertThat(s.all(Outcome.ConductViolation.class)).as("one violation per instant per trade").hasSize(2);
    }

    @Test
    void everyTradeHeldAcrossTheInstantViolatesOnceAndOneClosedBeforeItDoesNot() {
        Session s = session(conduct().flatBy(DayOfWeek.FRIDAY, "22:00", "Europe/London", FLAG)
                .flatBy(DayOfWeek.FRIDAY, "22:00", "Europe/London", PAUSE));
        s.open("t1").open("t2").open("t3");
        s.atInstant(Instant.parse("2024-03-29T21:59:59Z")).close("t3", "10");
        s.atInstant(Instant.parse("2024-03-29T22:00:00Z")).close("t2", "10");
        assertThat(s.all(Outcome.ConductViolation.class)).containsExactly(
                new Outcome.ConductViolation(ConductRule.WEEKEND_HOLDING, "t1", PAUSE),
                new Outcome.ConductViolation(ConductRule.WEEKEND_HOLDING, "t2", PAUSE));
        assertThat(s.state().status()).as("the strongest of two entries at one instant").isEqualTo(ChallengeStatus.PAUSED);
    }

    @Test
    void aTradeOpenedAtTheInstantItselfWasNotHeldAcrossIt() {
        Session s = session(conduct().flatBy(DayOfWeek.FRIDAY, "22:00", "Europe/London", FAIL));
        s.atInstant(Instant.parse("2024-03-29T22:00:00Z")).open("t1");
        s.atInstant(Instant.parse("2024-03-30T10:00:00Z")).clock();
        assertThat(s.all(Outcome.ConductViolation.class)).isEmpty();
        assertThat(RiskWatch.nextDeadline(s.state())).isEqualTo(Instant.parse("2024-04-05T21:00:00Z"));
    }

    @Test
    void aFlatByFailureFreezesTheAccountAtTheInstant() {
        Session s = session(conduct().flatBy(DayOfWeek.FRIDAY, "22:00", "Europe/London", FAIL));
        s.open("t1").atInstant(Instant.parse("2024-04-01T08:00:00Z")).close("t1", "50");
        assertThat(s.state().failure().rule()).isEqualTo(FailureRule.WEEKEND_HOLDING);
        assertThat(s.state().failure().at()).isEqualTo(Instant.parse("2024-03-29T22:00:00Z"));
        assertThat(s.state().balance()).as("the late close is not applied").isEqualByComparingTo("100000");
    }

    @Test
    void aStopLossPauseLastsUntilTheNextBoundary() {
        Session s = session(conduct().stopLoss(60, PAUSE));
        s.open("t1").at("2024-03-25T09:05").clock();
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.PAUSED);
        assertThat(s.state().pausedUntil()).isEqualTo(s.instant("2024-03-26T00:00"));
    }
}
