package ai.tradesense.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.rules.AccountState;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.RuleSet;
import ai.tradesense.domain.rules.Side;

class AccountStateConverterTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");
    private final AccountStateConverter converter = new AccountStateConverter();

    private static AccountState tradedState() {
        RuleSet rules = PlanCatalogue.rules("two-step-100k");
        Challenge challenge = Challenge.start("c-1", "two-step-100k", 1, rules, "trader-1", AT, AT);
        challenge.apply(rules, new Event.TradeOpened("t-1", AT.plusSeconds(60), "EURUSD", Side.BUY,
                new BigDecimal("1.50"), new BigDecimal("1.08500")), AT);
        challenge.apply(rules, new Event.EquityUpdate(null, AT.plusSeconds(120), new BigDecimal("99123.4500")), AT);
        return challenge.account();
    }

    @Test
    void storesWhatRecordJsonWrites() {
        AccountState state = tradedState();

        assertThat(converter.convertToDatabaseColumn(state)).isEqualTo(RecordJson.write(state).toString());
    }

    @Test
    void readsBackTheSameState() {
        AccountState state = tradedState();
        String text = RecordJson.write(state).toString();

        AccountState read = converter.convertToEntityAttribute(text);

        assertThat(read).isEqualTo(state);
        assertThat(converter.convertToDatabaseColumn(read)).isEqualTo(text);
    }

    @Test
    void givesAStateReadBackTheTextItWasReadFrom() {
        String stored = RecordJson.write(tradedState()).toString();

        AccountState read = converter.convertToEntityAttribute(stored);

        assertThat(converter.convertToDatabaseColumn(read)).isSameAs(stored);
    }

    @Test
    void writesAStateOnceHoweverOftenItIsAskedFor() {
        AccountState state = tradedState();

        String first = converter.convertToDatabaseColumn(state);

        assertThat(converter.convertToDatabaseColumn(state)).isSameAs(first);
    }

    @Test
    void readsAStateStoredBeforeTheFundedStageExistedAsNotFunded() {
        AccountState state = tradedState();
        jakarta.json.JsonObject stored = RecordJson.write(state);
        String old = Json.createObjectBuilder(stored).remove("funded").build().toString();

        AccountState read = converter.convertToEntityAttribute(old);

        assertThat(read.funded()).isEqualTo(ai.tradesense.domain.rules.FundedState.NONE);
        assertThat(read).isEqualTo(state);
    }

    @Test
    void readsBackAFundedStateWithItsCounters() {
        RuleSet rules = PlanDocument.read(StrictJson.parse(("{'code': 'f', 'initialBalance': 100000, 'dayBoundary':"
                + " {'zone': 'UTC', 'time': '00:00'}, 'phases': [{'kind': 'FUNDED', 'payout': {'split': {'pct': 80},"
                + " 'firstAfterDays': 0}, 'scaling': {'everyDays': 30, 'minProfitPct': 10, 'minPayouts': 0,"
                + " 'increasePct': 25, 'maxBalance': 200000, 'splitPct': 90}}]}").replace('\'', '"')), true);
        Challenge challenge = Challenge.start("c-2", "f", 1, rules, "trader-1", AT, AT);
        challenge.apply(rules, new Event.TradeOpened("t-1", AT.plusSeconds(60), "EURUSD", Side.BUY,
                BigDecimal.ONE, BigDecimal.ONE), AT);
        challenge.apply(rules, new Event.TradeClosed("t-1", AT.plusSeconds(120), BigDecimal.ONE,
                new BigDecimal("1500.25")), AT);
        challenge.apply(rules, new Event.Payout(null, AT.plusSeconds(180), new BigDecimal("1000")), AT);
        AccountState state = challenge.account().withPayoutPending(true);

        AccountState read = converter.convertToEntityAttribute(RecordJson.write(state).toString());

        assertThat(read).isEqualTo(state);
        assertThat(read.funded().payoutsPaid()).isEqualTo(1);
        assertThat(read.funded().pendingRequest()).isTrue();
        assertThat(read.funded().nextReviewAt()).isEqualTo(AT.plus(java.time.Duration.ofDays(30)));
    }

    @Test
    void keepsNull() {
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }
}
