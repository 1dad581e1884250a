package ai.tradesense.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.tradesense.domain.rules.AccountState;
import ai.tradesense.domain.rules.ChallengeStatus;
import ai.tradesense.domain.rules.Evaluator;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.Failure;
import ai.tradesense.domain.rules.FailureRule;
import ai.tradesense.domain.rules.RuleSet;
import ai.tradesense.domain.rules.Side;

class RecordJsonTest {

    /** Every kind of component RecordJson maps, each of them null where a null is possible. */
    record Everything(String text, BigDecimal amount, Instant at, LocalDate day, int count, Integer boxed,
                      long big, Long boxedBig, boolean flag, Boolean boxedFlag, ChallengeStatus status,
                      Set<String> names, List<String> ordered, Failure nested) {
    }

    private static final class Driver {
        private final RuleSet rules;
        private AccountState state;

        Driver(String plan, String startAt) {
            rules = PlanCatalogue.rules(plan);
            state = AccountState.start(rules, Instant.parse(startAt));
        }

        Driver open(String id, String at) {
            return apply(new Event.TradeOpened(id, Instant.parse(at), "EURUSD", Side.BUY, new BigDecimal("1.00"),
                    new BigDecimal("1.08500")));
        }

        Driver close(String id, String at, String profit) {
            return apply(new Event.TradeClosed(id, Instant.parse(at), new BigDecimal("1.09000"), new BigDecimal(profit)));
        }

        Driver equity(String at, String equity) {
            return apply(new Event.EquityUpdate(null, Instant.parse(at), new BigDecimal(equity)));
        }

        Driver clock(String at) {
            return apply(new Event.Clock(null, Instant.parse(at)));
        }

        private Driver apply(Event event) {
            state = Evaluator.apply(rules, state, event).state();
            return this;
        }
    }

    private static <R extends Record> R roundTrip(R record) {
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) record.getClass();
        // Through text, as the state is stored.
        return RecordJson.read(StrictJson.parse(RecordJson.write(record).toString()).asJsonObject(), type);
    }

    @Test
    void roundTripsAFreshAccountWithItsNulls() {
        AccountState fresh = AccountState.start(PlanCatalogue.rules("two-step-100k"), Instant.parse("2026-03-02T08:00:00Z"));

        assertThat(fresh.lastTradingDay()).isNull();
        assertThat(roundTrip(fresh)).isEqualTo(fresh);
    }

    @Test
    void roundTripsAPausedAccountWithOpenTradesExactly() {
        AccountState paused = new Driver("futures-50k", "2026-03-02T14:00:00Z")
                .open("t-1", "2026-03-02T14:05:00Z")
                .open("t-2", "2026-03-02T14:10:00Z")
                .equity("2026-03-02T14:20:00Z", "49750.25")
                .close("t-1", "2026-03-02T14:30:00Z", "120.50")
                .equity("2026-03-02T14:40:00.123456789Z", "48899.90")
                .state;

        assertThat(paused.status()).isEqualTo(ChallengeStatus.PAUSED);
        assertThat(paused.openTradeIds()).containsExactly("t-2");
        assertThat(roundTrip(paused)).isEqualTo(paused);
    }

    @Test
    void roundTripsAFailedAccountWithItsFailure() {
        AccountState failed = new Driver("intraday-50k", "2026-03-02T14:00:00Z")
                .open("t-1", "2026-03-02T14:05:00Z")
                .equity("2026-03-02T14:10:00Z", "50400.00")
                .open("t-2", "2026-03-02T14:15:00Z")
                .equity("2026-03-02T14:20:00Z", "47899.99")
                .state;

        assertThat(failed.failure()).isNotNull();
        assertThat(failed.failure().rule()).isEqualTo(FailureRule.MAX_LOSS);
        assertThat(roundTrip(failed)).isEqualTo(failed);
    }

    @Test
    void roundTripsAnAccountAfterSeveralTradingDays() {
        AccountState account = new Driver("two-step-100k", "2026-03-02T08:00:00Z")
                .open("t-1", "2026-03-02T09:00:00Z")
                .close("t-1", "2026-03-02T10:00:00Z", "350.25")
                .clock("2026-03-03T06:00:00Z")
                .open("t-2", "2026-03-03T07:00:00Z")
                .open("t-3", "2026-03-03T07:05:00Z")
                .equity("2026-03-03T07:30:00Z", "100410.5")
                .close("t-2", "2026-03-03T08:00:00Z", "-20.10")
                .state;

        assertThat(account.tradingDays()).isEqualTo(2);
        assertThat(account.lastTradingDay()).isEqualTo(LocalDate.parse("2026-03-03"));
        assertThat(roundTrip(account)).isEqualTo(account);
    }

    @Test
    void keepsTheScaleOfEveryDecimal() {
        Everything record = new Everything("x", new BigDecimal("100000.00"), null, null, 0, null, 0, null, false,
                null, null, Set.of(), List.of(), new Failure(FailureRule.MAX_LOSS, Instant.EPOCH,
                        new BigDecimal("9E+4"), new BigDecimal("89999.9900")));

        Everything back = roundTrip(record);

        assertThat(back.amount()).hasScaleOf(2);
        assertThat(back.nested().floor()).hasScaleOf(-4);
        assertThat(back.nested().equity()).hasScaleOf(4);
    }

    @Test
    void roundTripsARecordOfNulls() {
        Everything record = new Everything(null, null, null, null, 0, null, 0L, null, false, null, null, null, null,
                null);

        assertThat(roundTrip(record)).isEqualTo(record);
    }

    @Test
    void writesNullComponentsAsJsonNull() {
        Everything record = new Everything(null, null, null, null, 0, null, 0L, null, false, null, null, null, null,
                null);

        JsonObject json = RecordJson.write(record);

        assertThat(json.isNull("text")).isTrue();
        assertThat(json.isNull("nested")).isTrue();
        assertThat(json.isNull("names")).isTrue();
    }

    @Test
    void roundTripsEveryKindOfComponent() {
        Everything record = new Everything("EURUSD", new BigDecimal("-0.00000001"),
                Instant.parse("2026-03-02T09:30:00.000000123Z"), LocalDate.parse("2026-02-28"), -7, 42,
                Long.MAX_VALUE, 5L, true, false, ChallengeStatus.PENDING_REVIEW, Set.of("b", "a", "c"),
                List.of("x"), new Failure(FailureRule.TIME_LIMIT, Instant.parse("2026-04-01T00:00:00Z"), null,
                        new BigDecimal("1")));

        assertThat(roundTrip(record)).isEqualTo(record);
    }

    @Test
    void writesASetInOneOrderWhateverItsIterationOrder() {
        Everything a = new Everything(null, null, null, null, 0, null, 0L, null, false, null, null,
                Set.of("t-3", "t-1", "t-2"), null, null);

        assertThat(RecordJson.write(a).getJsonArray("names").toString()).isEqualTo("[\"t-1\",\"t-2\",\"t-3\"]");
    }

    @Test
    void keepsTheOrderOfAList() {
        Everything record = new Everything(null, null, null, null, 0, null, 0L, null, false, null, null, null,
                List.of("second", "first"), null);

        assertThat(roundTrip(record).ordered()).containsExactly("second", "first");
    }
}
