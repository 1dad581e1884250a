package ai.tradesense.domain.rules;

import static ai.tradesense.domain.rules.CalendarEntry.Impact.HIGH;
import static ai.tradesense.domain.rules.CalendarEntry.Impact.LOW;
import static ai.tradesense.domain.rules.Conducts.conduct;
import static ai.tradesense.domain.rules.OnViolation.EXCLUDE;
import static ai.tradesense.domain.rules.OnViolation.FLAG;
import static ai.tradesense.domain.rules.Plans.evaluation;
import static ai.tradesense.domain.rules.Plans.pct;
import static ai.tradesense.domain.rules.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Trading around calendar entries (docs/rules.md §19): both window edges are inside. */
class NewsTradingTest {

    private static Session session(OnViolation action) {
        RuleSet rules = plan("100000").phase(evaluation().target(pct("10")).maxLoss(pct("10"))
                .conduct(conduct().news(120, 300, action, HIGH).build())).build();
        Instant release = Session.local(rules, "2024-03-04T14:30");
        return Session.start(rules, "2024-03-04T09:00").calendar(EconomicCalendar.of(List.of(
                new CalendarEntry("nfp", release, "Non-farm payrolls", HIGH, Set.of("eurusd", "US30")),
                new CalendarEntry("ppi", release.plusSeconds(3 * 3600), "PPI", LOW, Set.of("EURUSD")))));
    }

    private static List<Outcome.ConductViolation> violations(Session s) {
        return s.all(Outcome.ConductViolation.class);
    }

    @Test
    void anOpenExactlyAtTheStartOfTheWindowIsNewsTrading() {
        Session s = session(FLAG).at("2024-03-04T14:28:00").open("t1");
        assertThat(s.outcomes()).contains(new Outcome.ConductViolation(ConductRule.NEWS_TRADING, "t1", FLAG));
    }

    @Test
    void anOpenOneSecondBeforeTheWindowIsNot() {
        Session s = session(FLAG).at("2024-03-04T14:27:59").open("t1");
        assertThat(violations(s)).isEmpty();
    }

    @Test
    void aCloseExactlyAtTheEndOfTheWindowIsNewsTradingAndOneSecondLaterIsNot() {
        Session s = session(FLAG).at("2024-03-04T10:00").open("t1").open("t2");
        s.at("2024-03-04T14:35:00").close("t1", "10");
        assertThat(violations(s)).containsExactly(new Outcome.ConductViolation(ConductRule.NEWS_TRADING, "t1", FLAG));
        s.at("2024-03-04T14:35:01").close("t2", "10");
        assertThat(violations(s)).hasSize(1);
    }

    @Test
    void aTradeOpenedAndClosedInTheWindowCountsOnce() {
        Session s = session(FLAG).at("2024-03-04T14:29").open("t1").at("2024-03-04T14:31").close("t1", "10");
        assertThat(violations(s)).hasSize(1);
    }

    @Test
    void otherImpactsAndSymbolsAreNotJudged() {
        Session s = session(FLAG).at("2024-03-04T14:30");
        s.apply(new Event.TradeOpened("t1", s.now(), "GBPUSD", Side.SELL, BigDecimal.ONE, new BigDecimal("1.27")));
        s.at("2024-03-04T17:30").open("t2");
        assertThat(violations(s)).as("GBPUSD is not listed; the 17:30 entry is LOW").isEmpty();
    }

    @Test
    void symbolsCompareWithoutCase() {
        Session s = session(FLAG).at("2024-03-04T14:30");
        s.apply(new Event.TradeOpened("t1", s.now(), "us30", Side.BUY, BigDecimal.ONE, new BigDecimal("39000")));
        assertThat(violations(s)).hasSize(1);
    }

    @Test
    void newsTradedProfitIsExcludedWhenTheTradeCloses() {
        Session s = session(EXCLUDE).at("2024-03-04T14:29").open("t1");
        assertThat(s.outcomes()).contains(new Outcome.ConductViolation(ConductRule.NEWS_TRADING, "t1", EXCLUDE));
        s.at("2024-03-04T16:00").close("t1", "10500");
        assertThat(s.state().excludedProfit()).isEqualByComparingTo("10500");
        assertThat(s.state().status()).isEqualTo(ChallengeStatus.ACTIVE);
        assertThat(violations(s)).hasSize(1);
    }

    @Test
    void theCalendarFindsTheSameEntriesAsLookingAtEveryOne() {
        Random r = new Random(7);
        List<CalendarEntry> entries = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 5_000; i++) {
            entries.add(new CalendarEntry("e" + i, start.plusSeconds(r.nextInt(90 * 86_400)), "e",
                    CalendarEntry.Impact.values()[r.nextInt(3)], Set.of(r.nextBoolean() ? "EURUSD" : "XAUUSD")));
        }
        EconomicCalendar calendar = EconomicCalendar.of(entries);
        ConductRules.News rule = new ConductRules.News(600, 900, Set.of(HIGH), FLAG);
        int hits = 0;
        for (int q = 0; q < 2_000; q++) {
            Instant t = start.plusSeconds(r.nextInt(90 * 86_400));
            boolean expected = entries.stream().anyMatch(e -> e.impact() == HIGH && e.symbols().contains("EURUSD")
                    && !t.isBefore(e.at().minusSeconds(600)) && !t.isAfter(e.at().plusSeconds(900)));
            CalendarEntry hit = calendar.hit(rule, t, "EURUSD");
            assertThat(hit != null).as("query at %s", t).isEqualTo(expected);
            hits += expected ? 1 : 0;
        }
        assertThat(hits).as("the queries reach both answers").isBetween(100, 1_900);
    }
}
