package ai.tradesense.domain.rules;

import static ai.tradesense.domain.rules.Plans.evaluation;
import static ai.tradesense.domain.rules.Plans.funded;
import static ai.tradesense.domain.rules.Plans.pct;
import static ai.tradesense.domain.rules.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.tradesense.domain.rules.DailyLossRule.Anchor;
import ai.tradesense.domain.rules.DailyLossRule.Base;
import ai.tradesense.domain.rules.DailyLossRule.Check;
import ai.tradesense.domain.rules.DailyLossRule.OnBreach;
import ai.tradesense.domain.rules.EventRejectedException.Reason;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Staff's manual actions through {@link Evaluator#act}. Times are Europe/Prague, boundaries at 00:00. */
class ManualActionTest {

    /** A Monday. */
    private static final String START = "2024-03-04T09:00";

    private static Plans.Phase challenge() {
        return evaluation().target(pct("10")).maxDays(30).inactivityDays(10)
                .dailyLoss(pct("5")).maxLoss(pct("10"));
    }

    private static Session oneStep() {
        return Session.start(plan("100000").phase(challenge()), START);
    }

    private static Session twoStep() {
        return Session.start(plan("100000").phase(challenge()).phase(funded().dailyLoss(pct("5"))), START);
    }

    /** The action is refused with {@code reason} on {@code field}, and the account is left as it was. */
    private static void assertRefused(Session s, Consumer<Session> action, Reason reason, String field) {
        AccountState before = s.state();
        assertThatThrownBy(() -> action.accept(s)).isInstanceOfSatisfying(EventRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.field()).isEqualTo(field);
        });
        assertThat(s.state()).isSameAs(before);
    }

    @Nested
    class Fail {

        @Test
        void failsAnActiveChallengeNowWithAManualFailureAndTheCurrentEquity() {
            Session s = oneStep().at("2024-03-04T10:00").open("t1").equity("99000").at("2024-03-04T11:00").fail();

            Failure failure = new Failure(FailureRule.MANUAL, s.instant("2024-03-04T11:00"), null, s.state().equity());
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
            assertThat(s.state().failure()).isEqualTo(failure);
            assertThat(s.state().equity()).isEqualByComparingTo("99000");
            assertThat(s.outcomes()).containsExactly(
                    new Outcome.Failed(FailureRule.MANUAL, failure.at(), null, failure.equity()));
            assertThat(s.state().lastEventAt()).isEqualTo(s.now());
        }

        @Test
        void failsAPausedChallenge() {
            Session s = oneStep().at("2024-03-04T10:00").pause(null).at("2024-03-04T11:00").fail();
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
            assertThat(s.state().pausedUntil()).isNull();
        }

        @Test
        void isRefusedWhenAlreadyFailed() {
            Session s = oneStep().at("2024-03-04T10:00").fail().at("2024-03-04T11:00");
            assertRefused(s, Session::fail, Reason.NOT_ALLOWED, "action");
        }

        @Test
        void isRefusedWhenPassed() {
            Session s = oneStep().at("2024-03-04T10:00").pass().at("2024-03-04T11:00");
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.PASSED);
            assertRefused(s, Session::fail, Reason.NOT_ALLOWED, "action");
        }
    }

    @Nested
    class Pass {

        @Test
        void aReviewPhaseWaitsForReviewAsAnAutomaticPassWould() {
            Session s = Session.start(plan("100000").phase(challenge().review()).phase(funded()), START)
                    .at("2024-03-04T10:00").pass();
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.PENDING_REVIEW);
            assertThat(s.outcomes()).containsExactly(new Outcome.PendingReview(s.now()));
        }

        @Test
        void onAChallengePendingReviewApprovesItExactlyAsApproveReview() {
            Session s = Session.start(plan("100000").phase(challenge().review()).phase(funded()), START)
                    .at("2024-03-04T10:00").pass();
            Instant later = s.instant("2024-03-06T10:00");

            Evaluation byAction = Evaluator.act(s.rules(), s.state(), new ManualAction.Pass(later));

            assertThat(byAction).isEqualTo(Evaluator.approveReview(s.rules(), s.state(), later));
            assertThat(byAction.state().phaseIndex()).isEqualTo(1);
            assertThat(byAction.outcomes()).containsExactly(new Outcome.PhasePassed(0, 1, later));
        }

        @Test
        void onTheLastPhaseMakesTheChallengePassed() {
            Session s = oneStep().at("2024-03-04T10:00").open("t1").equity("100300").pass();
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.PASSED);
            assertThat(s.outcomes()).containsExactly(new Outcome.Passed(s.now()));
            assertThat(s.state().equity()).isEqualByComparingTo("100300");
        }

        @Test
        void startsTheNextPhaseWithAFreshAccountAtItsTimeWithoutTheTargetOrItsGates() {
            Session s = twoStep().at("2024-03-04T10:00").open("t1").equity("99500")
                    .at("2024-03-05T10:00").pass();

            assertThat(s.state()).isEqualTo(AccountState.freshPhase(s.rules(), 1, s.now()));
            assertThat(s.outcomes()).containsExactly(
                    new Outcome.DayRolled(s.instant("2024-03-05T00:00")), new Outcome.PhasePassed(0, 1, s.now()));
        }

        @Test
        void passesAPausedChallenge() {
            Session s = twoStep().at("2024-03-04T10:00").pause(null).at("2024-03-04T11:00").pass();
            assertThat(s.state().phaseIndex()).isEqualTo(1);
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        }

        @Test
        void isRefusedWhenFailed() {
            Session s = twoStep().at("2024-03-04T10:00").fail();
            assertRefused(s, Session::pass, Reason.NOT_ALLOWED, "action");
        }

        @Test
        void isRefusedWhenPassed() {
            Session s = oneStep().at("2024-03-04T10:00").pass();
            assertRefused(s, Session::pass, Reason.NOT_ALLOWED, "action");
        }
    }

    @Nested
    class Pause {

        @Test
        void pausesUntilTheGivenEnd() {
            Session s = oneStep().at("2024-03-04T10:00").pause("2024-03-06T12:00");
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.PAUSED);
            assertThat(s.state().pausedUntil()).isEqualTo(s.instant("2024-03-06T12:00"));
            assertThat(s.outcomes()).containsExactly(new Outcome.Paused(s.instant("2024-03-06T12:00")));
        }

        @Test
        void withoutAnEndPausesUntilTheNextDayBoundary() {
            Session s = oneStep().at("2024-03-04T10:00").pause(null);
            assertThat(s.state().pausedUntil()).isEqualTo(s.instant("2024-03-05T00:00"));
            assertThat(s.outcomes()).containsExactly(new Outcome.Paused(s.instant("2024-03-05T00:00")));
        }

        @Test
        void aLaterEventLiftsTheDefaultPauseAtTheBoundary() {
            Session s = oneStep().at("2024-03-04T10:00").pause(null).at("2024-03-05T08:00").clock();
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
            assertThat(s.outcomes()).containsExactly(new Outcome.DayRolled(s.instant("2024-03-05T00:00")),
                    new Outcome.Resumed(s.instant("2024-03-05T00:00")));
        }

        @Test
        void anEndBetweenBoundariesLiftsExactlyThenAndNotBefore() {
            Session s = oneStep().at("2024-03-04T10:00").pause("2024-03-05T12:00").at("2024-03-05T11:59").clock();
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.PAUSED);

            s.at("2024-03-05T15:00").open("t1");
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
            assertThat(s.outcomeTypes()).containsExactly(OutcomeType.RESUMED, OutcomeType.TRADING_DAY_COUNTED);
            assertThat(s.outcomes().get(0)).isEqualTo(new Outcome.Resumed(s.instant("2024-03-05T12:00")));
        }

        @Test
        void aPauseOfSeveralDaysOutlastsTheBoundariesInBetween() {
            Session s = oneStep().at("2024-03-04T10:00").pause("2024-03-07T00:00").at("2024-03-06T10:00").clock();
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.PAUSED);
            assertThat(s.outcomeTypes()).containsExactly(OutcomeType.DAY_ROLLED, OutcomeType.DAY_ROLLED);

            s.at("2024-03-07T10:00").clock();
            assertThat(s.outcomes()).containsExactly(new Outcome.DayRolled(s.instant("2024-03-07T00:00")),
                    new Outcome.Resumed(s.instant("2024-03-07T00:00")));
        }

        @Test
        void aPausedChallengeDoesNotPassUntilThePauseLifts() {
            Session s = oneStep().at("2024-03-04T10:00").open("t1").pause(null).close("t1", "10000");
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.PAUSED);
            assertThat(s.state().balance()).isEqualByComparingTo("110000");

            s.at("2024-03-05T10:00").clock();
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.PASSED);
        }

        @Test
        void isRefusedWhenAlreadyPaused() {
            Session s = oneStep().at("2024-03-04T10:00").pause(null);
            assertRefused(s, x -> x.pause(null), Reason.NOT_ALLOWED, "action");
        }

        @Test
        void isRefusedWhenPendingReview() {
            Session s = Session.start(plan("100000").phase(challenge().review()), START).at("2024-03-04T10:00").pass();
            assertRefused(s, x -> x.pause(null), Reason.NOT_ALLOWED, "action");
        }

        @Test
        void isRefusedWhenFailed() {
            Session s = oneStep().at("2024-03-04T10:00").fail();
            assertRefused(s, x -> x.pause(null), Reason.NOT_ALLOWED, "action");
        }

        @Test
        void anEndNotAfterTheActionIsRefused() {
            Session s = oneStep().at("2024-03-04T10:00");
            assertRefused(s, x -> x.pause("2024-03-04T10:00"), Reason.NOT_ALLOWED, "until");
        }
    }

    @Nested
    class Resume {

        @Test
        void liftsAPauseNow() {
            Session s = oneStep().at("2024-03-04T10:00").pause("2024-03-08T00:00").at("2024-03-05T11:00").resume();
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
            assertThat(s.state().pausedUntil()).isNull();
            assertThat(s.outcomes()).containsExactly(new Outcome.DayRolled(s.instant("2024-03-05T00:00")),
                    new Outcome.Resumed(s.instant("2024-03-05T11:00")));
        }

        @Test
        void aDailyLossPauseStillBreachedPausesAgainAtTheNextEvent() {
            Session s = Session.start(plan("100000").phase(evaluation().dailyLoss(pct("5"), Anchor.DAY_START_BALANCE,
                            Base.INITIAL, Check.INTRADAY, OnBreach.PAUSE)), START)
                    .at("2024-03-04T10:00").open("t1").equity("94000");
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.PAUSED);

            s.at("2024-03-04T11:00").resume();
            assertThat(s.state().status()).as("staff's word, not re-checked").isEqualTo(ChallengeStatus.ACTIVE);

            s.at("2024-03-04T11:05").clock();
            assertThat(s.outcomeTypes()).containsExactly(OutcomeType.BREACH, OutcomeType.PAUSED);
        }

        @Test
        void isRefusedUnlessPaused() {
            Session s = oneStep().at("2024-03-04T10:00");
            assertRefused(s, Session::resume, Reason.NOT_ALLOWED, "action");
        }

        @Test
        void isRefusedWhenThePauseHasAlreadyLiftedAtABoundaryBeforeIt() {
            Session s = oneStep().at("2024-03-04T10:00").pause(null).at("2024-03-05T10:00");
            assertRefused(s, Session::resume, Reason.NOT_ALLOWED, "action");
        }
    }

    @Nested
    class Extend {

        @Test
        void movesBothDeadlinesByTheDaysInThePlansZone() {
            Session s = oneStep().at("2024-03-04T10:00").extend(30);
            // 30 days after 2024-03-04T09:00 is 04-03 (across the spring change), plus 30 is 05-03.
            assertThat(s.state().timeLimitAt()).isEqualTo(s.instant("2024-05-03T09:00"));
            assertThat(s.state().inactivityDeadline()).isEqualTo(s.instant("2024-04-13T09:00"));
            assertThat(s.outcomes()).containsExactly(new Outcome.Extended(30, s.instant("2024-05-03T09:00"),
                    s.instant("2024-04-13T09:00")));
        }

        @Test
        void aChallengeThatWouldHaveFailedItsTimeLimitNoLongerDoesUntilTheNewDeadline() {
            Session s = Session.start(plan("100000").phase(evaluation().target(pct("10")).maxDays(3)), START)
                    .at("2024-03-04T10:00").extend(2)
                    .at("2024-03-08T12:00").clock();
            assertThat(s.state().status()).as("the old deadline was 03-07 09:00").isEqualTo(ChallengeStatus.ACTIVE);

            s.at("2024-03-09T09:00").clock();
            assertThat(s.state().failure())
                    .isEqualTo(new Failure(FailureRule.TIME_LIMIT, s.instant("2024-03-09T09:00"), null,
                            s.state().equity()));
        }

        @Test
        void aTradeOpenedLaterDoesNotCutAnExtendedInactivityDeadlineShort() {
            Session s = Session.start(plan("100000").phase(evaluation().inactivityDays(5)), START)
                    .at("2024-03-04T10:00").extend(10)
                    .at("2024-03-05T10:00").open("t1");
            assertThat(s.state().inactivityDeadline()).isEqualTo(s.instant("2024-03-19T09:00"));

            s.at("2024-03-16T10:00").clock();
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        }

        @Test
        void aTradeOpenedLateEnoughStillSetsTheLaterDeadline() {
            Session s = Session.start(plan("100000").phase(evaluation().inactivityDays(5)), START)
                    .at("2024-03-04T10:00").extend(1)
                    .at("2024-03-08T10:00").open("t1");
            assertThat(s.state().inactivityDeadline()).isEqualTo(s.instant("2024-03-13T10:00"));
        }

        @Test
        void isRefusedWhenThePhaseHasNoDeadline() {
            Session s = Session.start(plan("100000").phase(evaluation().target(pct("10"))), START).at("2024-03-04T10:00");
            assertRefused(s, x -> x.extend(5), Reason.NOT_ALLOWED, "action");
        }

        @Test
        void isRefusedWhenFailed() {
            Session s = oneStep().at("2024-03-04T10:00").fail();
            assertRefused(s, x -> x.extend(5), Reason.NOT_ALLOWED, "action");
        }

        @Test
        void isRefusedWhenPassed() {
            Session s = oneStep().at("2024-03-04T10:00").pass();
            assertRefused(s, x -> x.extend(5), Reason.NOT_ALLOWED, "action");
        }

        @Test
        void daysOutsideOneToTenYearsAreRefused() {
            Session s = oneStep().at("2024-03-04T10:00");
            assertRefused(s, x -> x.extend(0), Reason.INVALID_NUMBER, "days");
            assertRefused(s, x -> x.extend(3651), Reason.INVALID_NUMBER, "days");
        }
    }

    @Nested
    class Restore {

        /** 100,000 with 10% static max loss; a bad price at 11:00 reports equity 50,000. */
        private Session failedOnABadPrice() {
            Session s = Session.start(plan("100000").phase(evaluation().target(pct("10")).maxLoss(pct("10"))), START)
                    .at("2024-03-04T10:00").open("t1").at("2024-03-04T11:00").equity("50000");
            assertThat(s.state().failure().rule()).isEqualTo(FailureRule.MAX_LOSS);
            return s;
        }

        @Test
        void bringsAFailedChallengeBackWithItsAccountAsItWas() {
            Session s = oneStep().at("2024-03-04T10:00").open("t1").close("t1", "700").open("t2").equity("100400");
            AccountState before = s.state();

            s.at("2024-03-04T11:00").fail().at("2024-03-04T12:00").restore();

            assertThat(s.state()).usingRecursiveComparison().ignoringFields("lastEventAt").isEqualTo(before);
            assertThat(s.state().lastEventAt()).isEqualTo(s.now());
            assertThat(s.outcomes()).containsExactly(new Outcome.Restored(FailureRule.MANUAL, s.now()));
        }

        @Test
        void thenACorrectedEquityAndTheNextDayCarryOnNormally() {
            Session s = failedOnABadPrice().at("2024-03-04T11:30").restore();
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
            assertThat(s.state().failure()).isNull();
            assertThat(s.outcomes()).containsExactly(new Outcome.Restored(FailureRule.MAX_LOSS, s.now()));

            s.at("2024-03-04T11:31").equity("99500");
            assertThat(s.outcomes()).isEmpty();
            s.at("2024-03-05T10:00").clock();
            assertThat(s.outcomes()).containsExactly(new Outcome.DayRolled(s.instant("2024-03-05T00:00")));
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        }

        @Test
        void theSameBreachingEquityFailsAgainAtTheNextCheck() {
            Session s = failedOnABadPrice().at("2024-03-04T11:30").restore().at("2024-03-04T11:45").clock();
            assertThat(s.outcomeTypes()).containsExactly(OutcomeType.BREACH, OutcomeType.FAILED);
            assertThat(s.state().failure().at()).isEqualTo(s.instant("2024-03-04T11:45"));
        }

        @Test
        void aRestoreOnALaterDayCatchesUpTheBoundariesAndSaysWhenTheyFailItAgain() {
            Session s = failedOnABadPrice().at("2024-03-05T10:00").restore();
            assertThat(s.outcomes()).containsExactly(new Outcome.Restored(FailureRule.MAX_LOSS, s.now()),
                    new Outcome.DayRolled(s.instant("2024-03-05T00:00")),
                    new Outcome.Breach(FailureRule.MAX_LOSS, s.state().maxLossFloor(), s.state().equity(),
                            s.instant("2024-03-05T00:00")),
                    new Outcome.Failed(FailureRule.MAX_LOSS, s.instant("2024-03-05T00:00"), s.state().maxLossFloor(),
                            s.state().equity()));
        }

        @Test
        void isRefusedUnlessFailed() {
            Session s = oneStep().at("2024-03-04T10:00");
            assertRefused(s, Session::restore, Reason.NOT_ALLOWED, "action");
        }

        @Test
        void isRefusedForATimeFailureWhoseDeadlineWouldFailItAgain() {
            Session s = Session.start(plan("100000").phase(evaluation().maxDays(1)), START).at("2024-03-06T10:00").clock();
            assertThat(s.state().failure().rule()).isEqualTo(FailureRule.TIME_LIMIT);
            assertRefused(s, Session::restore, Reason.NOT_ALLOWED, "action");
        }
    }

    @Nested
    class Always {

        @Test
        void pendingDayBoundariesAreAppliedBeforeTheAction() {
            Session s = oneStep().at("2024-03-06T10:00").fail();
            assertThat(s.outcomes()).containsExactly(new Outcome.DayRolled(s.instant("2024-03-05T00:00")),
                    new Outcome.DayRolled(s.instant("2024-03-06T00:00")),
                    new Outcome.Failed(FailureRule.MANUAL, s.now(), null, s.state().equity()));
            assertThat(s.state().currentDayStart()).isEqualTo(s.instant("2024-03-06T00:00"));
        }

        @Test
        void anActionAfterADeadlineThatFailedTheChallengeIsNotApplied() {
            Session s = Session.start(plan("100000").phase(evaluation().maxDays(1)), START)
                    .at("2024-03-06T10:00").pause(null);
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.FAILED);
            assertThat(s.state().failure().rule()).isEqualTo(FailureRule.TIME_LIMIT);
            assertThat(s.outcomeTypes()).containsExactly(OutcomeType.DAY_ROLLED, OutcomeType.FAILED,
                    OutcomeType.IGNORED_FROZEN);
            assertThat(s.outcomes()).last().isEqualTo(new Outcome.IgnoredFrozen(ChallengeStatus.FAILED));
            assertThat(s.state().lastEventAt()).isEqualTo(s.now());
        }

        @Test
        void anActionBeforeTheLastEventIsRefusedAsOutOfOrder() {
            Session s = oneStep().at("2024-03-04T10:00").clock().at("2024-03-04T09:59");
            assertRefused(s, Session::fail, Reason.OUT_OF_ORDER, "at");
        }

        @Test
        void anActionWithoutATimeIsRefused() {
            Session s = oneStep();
            assertRefused(s, x -> x.act(new ManualAction.Resume(null)), Reason.MISSING_FIELD, "at");
        }

        @Test
        void noTimePassesForAChallengePendingReview() {
            Session s = Session.start(plan("100000").phase(challenge().review()), START).at("2024-03-04T10:00").pass()
                    .at("2024-05-01T10:00").extend(3);
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.PENDING_REVIEW);
            assertThat(s.outcomeTypes()).containsExactly(OutcomeType.EXTENDED);
        }

        @Test
        void actionsNeverChangeTheBalanceOrTheEquity() {
            Session s = oneStep().at("2024-03-04T10:00").open("t1").close("t1", "200").open("t2").equity("100700");
            for (Consumer<Session> action : List.<Consumer<Session>>of(x -> x.pause(null), Session::resume,
                    x -> x.extend(2), Session::fail, Session::restore)) {
                s.atInstant(s.now().plusSeconds(60));
                action.accept(s);
                assertThat(s.state().balance()).isEqualByComparingTo("100200");
                assertThat(s.state().equity()).isEqualByComparingTo("100700");
            }
            assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        }
    }
}
