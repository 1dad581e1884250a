package ai.tradesense.domain.rules;

import static ai.tradesense.domain.rules.Plans.evaluation;
import static ai.tradesense.domain.rules.Plans.funded;
import static ai.tradesense.domain.rules.Plans.pct;
import static ai.tradesense.domain.rules.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeLimitTest {

    @Test
    void failsAtTheMaxDaysDeadlineInThePlansZone() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10")).maxDays(30)), "2024-03-04T09:00")
                .at("2024-04-05T12:00").clock();

        assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(s.state().failure().rule()).isEqualTo(FailureRule.TIME_LIMIT);
        assertThat(s.state().failure().at()).as("09:00 local, across the spring change")
                .isEqualTo(s.instant("2024-04-03T09:00"));
        assertThat(s.state().failure().floor()).isNull();
        assertThat(s.all(Outcome.DayRolled.class)).as("no boundary after the deadline").hasSize(30)
                .last().isEqualTo(new Outcome.DayRolled(s.instant("2024-04-03T00:00")));
    }

    @Test
    void eventExactlyAtTheDeadlineIsTooLate() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10")).maxDays(3)), "2024-03-04T09:00")
                .at("2024-03-07T08:59:59").open("t1");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);

        s.at("2024-03-07T09:00").close("t1", "20000");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(s.state().balance()).as("the close was not applied").isEqualByComparingTo("100000");
        assertThat(s.outcomes()).last().isEqualTo(new Outcome.IgnoredFrozen(ChallengeStatus.FAILED));
    }

    @Test
    void passBeforeTheDeadlineStopsTheClock() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10")).maxDays(3)), "2024-03-04T09:00")
                .at("2024-03-07T08:00").open("t1").close("t1", "10000")
                .at("2024-03-20T08:00").clock();
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.PASSED);
    }

    @Test
    void boundaryAtTheSameInstantAsTheDeadlineGoesFirst() {
        Session s = Session.start(plan("200000").phase(evaluation().target(pct("10")).maxDays(2)
                        .dailyLoss(pct("5"))), "2024-03-04T00:00")
                .at("2024-03-05T10:00").open("t1").open("t2").close("t1", "4000")
                .at("2024-03-05T23:00").equity("191000")
                .at("2024-03-06T00:00").clock();
        assertThat(s.state().failure().rule()).as("the reset at the deadline fails it first")
                .isEqualTo(FailureRule.DAILY_LOSS);
        assertThat(s.outcomeTypes()).containsExactly(OutcomeType.DAY_ROLLED, OutcomeType.BREACH, OutcomeType.FAILED);
    }

    @Test
    void deadlineAtABoundaryFailsAfterTheBoundaryIsApplied() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10")).maxDays(2)), "2024-03-04T00:00")
                .at("2024-03-06T12:00").clock();
        assertThat(s.outcomes()).containsExactly(
                new Outcome.DayRolled(s.instant("2024-03-05T00:00")),
                new Outcome.DayRolled(s.instant("2024-03-06T00:00")),
                new Outcome.Failed(FailureRule.TIME_LIMIT, s.instant("2024-03-06T00:00"), null,
                        s.state().equity()));
    }

    @Test
    void inactivityCountsFromTheLastTradeOpened() {
        Session s = Session.start(plan("100000").phase(funded().inactivityDays(5)), "2024-03-04T09:00")
                .at("2024-03-06T10:00").open("t1")
                .at("2024-03-08T10:00").close("t1", "100")
                .at("2024-03-11T09:59").clock();
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        assertThat(s.state().inactivityDeadline()).isEqualTo(s.instant("2024-03-11T10:00"));

        s.at("2024-03-11T10:00").clock();
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(s.state().failure().rule()).isEqualTo(FailureRule.INACTIVITY);
        assertThat(s.state().failure().at()).isEqualTo(s.instant("2024-03-11T10:00"));
    }

    @Test
    void inactivityCountsFromThePhaseStartBeforeTheFirstTrade() {
        Session s = Session.start(plan("100000").phase(funded().inactivityDays(5)), "2024-03-04T09:00")
                .at("2024-03-20T10:00").open("t1");
        assertThat(s.state().failure().rule()).isEqualTo(FailureRule.INACTIVITY);
        assertThat(s.state().failure().at()).isEqualTo(s.instant("2024-03-09T09:00"));
        assertThat(s.state().openTrades()).isZero();
    }

    @Test
    void earlierOfTwoDeadlinesFails() {
        Session s = Session.start(plan("100000").phase(evaluation().target(pct("10")).maxDays(10).inactivityDays(4)),
                "2024-03-04T09:00").at("2024-04-20T10:00").clock();
        assertThat(s.state().failure().rule()).isEqualTo(FailureRule.INACTIVITY);
        assertThat(s.state().failure().at()).isEqualTo(s.instant("2024-03-08T09:00"));
    }

    @Test
    void phaseDeadlinesStartAgainWithTheNextPhase() {
        Session s = Session.start(plan("100000")
                        .phase(evaluation().target(pct("10")).maxDays(5))
                        .phase(evaluation().target(pct("5")).maxDays(5)), "2024-03-04T09:00")
                .at("2024-03-08T09:00").open("t1").close("t1", "10000")
                .at("2024-03-12T09:00").clock();
        assertThat(s.state().phaseIndex()).isEqualTo(1);
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        assertThat(s.state().timeLimitAt()).isEqualTo(s.instant("2024-03-13T09:00"));
    }
}
