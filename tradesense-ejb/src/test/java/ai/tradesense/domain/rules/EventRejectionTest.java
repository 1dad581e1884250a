package ai.tradesense.domain.rules;

import static ai.tradesense.domain.rules.Plans.funded;
import static ai.tradesense.domain.rules.Plans.pct;
import static ai.tradesense.domain.rules.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.tradesense.domain.rules.EventRejectedException.Reason;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventRejectionTest {

    private final Session session = Session.start(plan("100000").phase(funded().maxLoss(pct("10"))),
            "2024-03-04T08:00").at("2024-03-04T10:00").open("t1");
    private final RuleSet rules = session.rules();
    private final AccountState state = session.state();
    private final Instant now = session.now();

    private void assertRejected(Event event, Reason reason, String field) {
        assertThatThrownBy(() -> Evaluator.apply(rules, state, event))
                .isInstanceOfSatisfying(EventRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e).hasMessageContaining(field);
                });
        assertThat(session.state()).isSameAs(state);
    }

    private static Event.TradeOpened opened(String id, Instant at, String volume, String price) {
        return new Event.TradeOpened(id, at, "EURUSD", Side.SELL, new BigDecimal(volume), new BigDecimal(price));
    }

    @Test
    void rejectsAnEventBeforeTheLastOne() {
        assertRejected(Events.clock(now.minusMillis(1)), Reason.OUT_OF_ORDER, "at");
    }

    @Test
    void acceptsAnEventAtTheSameInstantAsTheLastOne() {
        Evaluation evaluation = Evaluator.apply(rules, state, Events.equity(now, "100100"));
        assertThat(evaluation.state().equity()).isEqualByComparingTo("100100");
        assertThat(evaluation.state().lastEventAt()).isEqualTo(now);
    }

    @Test
    void rejectsAnOutOfOrderEventEvenWhenFrozen() {
        AccountState failed = Evaluator.apply(rules, state, Events.equity(now, "1")).state();
        assertThat(failed.status()).isEqualTo(ChallengeStatus.FAILED);
        assertThatThrownBy(() -> Evaluator.apply(rules, failed, Events.clock(now.minusSeconds(1))))
                .isInstanceOfSatisfying(EventRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.OUT_OF_ORDER));
    }

    @Test
    void rejectsCloseOfATradeThatIsNotOpen() {
        assertRejected(Events.closed("t9", now, "10"), Reason.UNKNOWN_TRADE, "id");
    }

    @Test
    void rejectsASecondCloseOfTheSameTrade() {
        AccountState closed = Evaluator.apply(rules, state, Events.closed("t1", now, "10")).state();
        assertThatThrownBy(() -> Evaluator.apply(rules, closed, Events.closed("t1", now, "10")))
                .isInstanceOfSatisfying(EventRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_TRADE));
    }

    @Test
    void rejectsOpeningATradeThatIsAlreadyOpen() {
        assertRejected(Events.opened("t1", now), Reason.TRADE_ALREADY_OPEN, "id");
    }

    @Test
    void rejectsZeroOrNegativeVolume() {
        assertRejected(opened("t2", now, "0", "1.1"), Reason.INVALID_NUMBER, "volume");
        assertRejected(opened("t2", now, "-1", "1.1"), Reason.INVALID_NUMBER, "volume");
    }

    @Test
    void rejectsZeroOrNegativePrice() {
        assertRejected(opened("t2", now, "1", "0"), Reason.INVALID_NUMBER, "price");
        assertRejected(new Event.TradeClosed("t1", now, new BigDecimal("-1.09"), BigDecimal.TEN),
                Reason.INVALID_NUMBER, "price");
    }

    @Test
    void rejectsNegativeEquity() {
        assertRejected(Events.equity(now, "-0.01"), Reason.INVALID_NUMBER, "equity");
    }

    @Test
    void acceptsZeroEquity() {
        Evaluation evaluation = Evaluator.apply(rules, state, Events.equity(now, "0"));
        assertThat(evaluation.state().status()).isEqualTo(ChallengeStatus.FAILED);
    }

    @Test
    void rejectsAmountsBeyondATrillion() {
        assertRejected(Events.equity(now, "1000000000000.01"), Reason.INVALID_NUMBER, "equity");
        assertRejected(Events.closed("t1", now, "-1000000000000.01"), Reason.INVALID_NUMBER, "profit");
        assertRejected(Events.closed("t1", now, "1E13"), Reason.INVALID_NUMBER, "profit");
    }

    @Test
    void acceptsAnAmountOfExactlyATrillion() {
        Evaluation evaluation = Evaluator.apply(rules, state, Events.equity(now, "1E12"));
        assertThat(evaluation.state().equity()).isEqualByComparingTo("1000000000000");
    }

    @Test
    void rejectsNumbersWithAbsurdPrecision() {
        assertRejected(Events.equity(now, "100000.000000000000000000001"), Reason.INVALID_NUMBER, "equity");
    }

    @Test
    void rejectsAnEventWithoutTime() {
        assertThatThrownBy(() -> new Event.Clock(null, null))
                .isInstanceOfSatisfying(EventRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MISSING_FIELD);
                    assertThat(e.field()).isEqualTo("at");
                });
    }

    @Test
    void rejectsATradeWithoutId() {
        assertThatThrownBy(() -> Events.opened(null, now))
                .isInstanceOfSatisfying(EventRejectedException.class, e -> assertThat(e.field()).isEqualTo("id"));
    }

    @Test
    void eventsReportTheirType() {
        assertThat(Events.opened("x", now).type()).isEqualTo(EventType.TRADE_OPENED);
        assertThat(Events.closed("x", now, "1").type()).isEqualTo(EventType.TRADE_CLOSED);
        assertThat(Events.equity(now, "1").type()).isEqualTo(EventType.EQUITY);
        assertThat(Events.clock(now).type()).isEqualTo(EventType.CLOCK);
    }

    @Test
    void failedChallengeIgnoresLaterEventsAndKeepsItsState() {
        AccountState failed = Evaluator.apply(rules, state, Events.equity(now, "89999.99")).state();
        Evaluation later = Evaluator.apply(rules, failed, Events.closed("t1", now.plusSeconds(60), "50000"));
        assertThat(later.state()).isSameAs(failed);
        assertThat(later.outcomes()).containsExactly(new Outcome.IgnoredFrozen(ChallengeStatus.FAILED));
    }
}
