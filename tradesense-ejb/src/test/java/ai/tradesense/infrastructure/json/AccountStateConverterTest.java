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
    void keepsNull() {
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }
}
