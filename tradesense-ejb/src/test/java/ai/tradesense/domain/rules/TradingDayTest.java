package ai.tradesense.domain.rules;

import static ai.tradesense.domain.rules.Plans.funded;
import static ai.tradesense.domain.rules.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradingDayTest {

    private static List<Instant> rolled(Session s) {
        return s.all(Outcome.DayRolled.class).stream().map(Outcome.DayRolled::boundary).toList();
    }

    @Test
    void pragueSpringForwardDayIs23HoursLong() {
        Session s = Session.start(plan("100000").boundary("Europe/Prague", "00:00").phase(funded()),
                "2024-03-30T12:00").at("2024-04-01T12:00").clock();

        assertThat(rolled(s)).containsExactly(
                Instant.parse("2024-03-30T23:00:00Z"), Instant.parse("2024-03-31T22:00:00Z"));
        assertThat(Duration.between(rolled(s).get(0), rolled(s).get(1))).hasHours(23);
        assertThat(s.state().nextDayStart()).isEqualTo(Instant.parse("2024-04-01T22:00:00Z"));
    }

    @Test
    void pragueFallBackDayIs25HoursLong() {
        Session s = Session.start(plan("100000").boundary("Europe/Prague", "00:00").phase(funded()),
                "2024-10-26T12:00").at("2024-10-28T12:00").clock();

        assertThat(rolled(s)).containsExactly(
                Instant.parse("2024-10-26T22:00:00Z"), Instant.parse("2024-10-27T23:00:00Z"));
        assertThat(Duration.between(rolled(s).get(0), rolled(s).get(1))).hasHours(25);
    }

    @Test
    void chicagoFiveInTheAfternoonBoundaryFollowsDaylightSaving() {
        Session s = Session.start(plan("100000").boundary("America/Chicago", "17:00").phase(funded()),
                "2024-03-08T12:00").at("2024-03-11T18:00").clock();

        assertThat(rolled(s)).containsExactly(
                Instant.parse("2024-03-08T23:00:00Z"),
                Instant.parse("2024-03-09T23:00:00Z"),
                Instant.parse("2024-03-10T22:00:00Z"),
                Instant.parse("2024-03-11T22:00:00Z"));
    }

    @Test
    void chicagoTradesEitherSideOfTheBoundaryCountTwoDays() {
        Session s = Session.start(plan("100000").boundary("America/Chicago", "17:00").phase(funded()),
                "2024-11-01T09:00")
                .at("2024-11-03T16:59").open("t1")
                .at("2024-11-03T17:00").open("t2")
                .at("2024-11-04T16:59").open("t3");

        assertThat(s.state().tradingDays()).isEqualTo(2);
        assertThat(s.all(Outcome.TradingDayCounted.class)).extracting(Outcome.TradingDayCounted::day)
                .containsExactly(LocalDate.of(2024, 11, 2), LocalDate.of(2024, 11, 3));
    }

    @Test
    void tradesOnEachSideOfPragueSpringGapCountTwoDays() {
        Session s = Session.start(plan("100000").phase(funded()), "2024-03-30T12:00")
                .at("2024-03-30T23:30").open("t1")
                .at("2024-03-31T03:30").open("t2")
                .at("2024-03-31T23:59").open("t3");
        assertThat(s.state().tradingDays()).isEqualTo(2);
        assertThat(s.state().lastTradingDay()).isEqualTo(LocalDate.of(2024, 3, 31));
    }

    @Test
    void boundaryInsideTheSpringGapMovesToTheEndOfTheGap() {
        Session s = Session.start(plan("100000").boundary("Europe/Prague", "02:30").phase(funded()),
                "2024-03-30T12:00").at("2024-04-01T12:00").clock();
        assertThat(rolled(s)).containsExactly(
                Instant.parse("2024-03-31T01:00:00Z"), Instant.parse("2024-04-01T00:30:00Z"));
    }

    @Test
    void positionHeldOverSeveralDaysCountsOnce() {
        Session s = Session.start(plan("100000").phase(funded()), "2024-03-04T08:00")
                .at("2024-03-04T10:00").open("t1")
                .at("2024-03-05T10:00").equity("100500")
                .at("2024-03-06T10:00").equity("100800")
                .at("2024-03-07T10:00").close("t1", "900");
        assertThat(s.state().tradingDays()).isEqualTo(1);
    }

    @Test
    void twoOpensInOneDayCountOnce() {
        Session s = Session.start(plan("100000").phase(funded()), "2024-03-04T08:00")
                .at("2024-03-04T10:00").open("t1")
                .at("2024-03-04T23:59:59").open("t2");
        assertThat(s.state().tradingDays()).isEqualTo(1);
        assertThat(s.state().openTrades()).isEqualTo(2);
    }

    @Test
    void oneClockAfterAWeekendAppliesEveryBoundary() {
        Session s = Session.start(plan("100000").phase(funded()), "2024-03-08T20:00")
                .at("2024-03-11T00:00").clock();
        assertThat(rolled(s)).containsExactly(
                s.instant("2024-03-09T00:00"), s.instant("2024-03-10T00:00"), s.instant("2024-03-11T00:00"));
        assertThat(s.state().currentDayStart()).isEqualTo(s.instant("2024-03-11T00:00"));
    }

    @Test
    void eventExactlyAtABoundaryBelongsToTheNewDay() {
        Session s = Session.start(plan("100000").phase(funded()), "2024-03-04T08:00")
                .at("2024-03-04T10:00").open("t1")
                .at("2024-03-05T00:00").open("t2");
        assertThat(s.state().tradingDays()).isEqualTo(2);
        assertThat(s.outcomeTypes()).containsExactly(OutcomeType.DAY_ROLLED, OutcomeType.TRADING_DAY_COUNTED);
    }

    @Test
    void eachBoundaryResetsTheDayFromTheBalanceAndEquityThen() {
        Session s = Session.start(plan("100000").phase(funded()), "2024-03-04T08:00")
                .at("2024-03-04T10:00").open("t1").open("t2").close("t1", "300").equity("100900")
                .at("2024-03-06T10:00").clock();
        AccountState state = s.state();
        assertThat(state.dayStartBalance()).isEqualByComparingTo("100300");
        assertThat(state.dayStartEquity()).isEqualByComparingTo("100900");
        assertThat(state.dayPeakEquity()).isEqualByComparingTo("100900");
        assertThat(state.dayClosedProfit()).isEqualByComparingTo("0");
        assertThat(state.bestDayProfit()).isEqualByComparingTo("300");
    }
}
