package ai.tradesense.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.InvalidInputException.Violation;
import ai.tradesense.infrastructure.json.StrictJson;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.Side;

class EventDocumentTest {

    private static final String AT = "2026-03-02T09:30:00Z";
    private static final Instant AT_INSTANT = Instant.parse(AT);
    private static final String PATH = "events[3]";

    private static Event read(String json) {
        return EventDocument.read(StrictJson.parse(json), PATH);
    }

    private static InvalidInputException refusal(String json) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> read(json));
        assertThat(e).as("must refuse %s", json).isNotNull();
        return e;
    }

    private static String opened(String extra) {
        return "{\"type\":\"TRADE_OPENED\",\"id\":\"t-1\",\"at\":\"" + AT + "\",\"symbol\":\"EURUSD\",\"side\":\"BUY\","
                + "\"volume\":1.0,\"price\":1.085" + extra + "}";
    }

    private static String equity(String equityValue) {
        return "{\"type\":\"EQUITY\",\"at\":\"" + AT + "\",\"equity\":" + equityValue + "}";
    }

    @Nested
    class ReadsEachType {

        @Test
        void readsTradeOpenedWithAllItsFields() {
            Event event = read(opened(""));

            assertThat(event).isEqualTo(new Event.TradeOpened("t-1", AT_INSTANT, "EURUSD", Side.BUY,
                    new BigDecimal("1.0"), new BigDecimal("1.085")));
        }

        @Test
        void readsTradeClosedWithPriceAndNegativeProfit() {
            Event event = read("{\"type\":\"TRADE_CLOSED\",\"id\":\"t-1\",\"at\":\"" + AT
                    + "\",\"price\":1.09,\"profit\":-250.75}");

            assertThat(event).isEqualTo(new Event.TradeClosed("t-1", AT_INSTANT, new BigDecimal("1.09"),
                    new BigDecimal("-250.75")));
        }

        @Test
        void readsEquityWithoutId() {
            Event event = read(equity("100250.00"));

            assertThat(event).isEqualTo(new Event.EquityUpdate(null, AT_INSTANT, new BigDecimal("100250.00")));
        }

        @Test
        void readsEquityWithAnIdempotencyId() {
            Event event = read("{\"type\":\"EQUITY\",\"id\":\"eq-7\",\"at\":\"" + AT + "\",\"equity\":0}");

            assertThat(event).isEqualTo(new Event.EquityUpdate("eq-7", AT_INSTANT, BigDecimal.ZERO));
        }

        @Test
        void readsAPayoutWithItsAmountAndWritesItBack() {
            Event event = read("{\"type\":\"PAYOUT\",\"at\":\"" + AT + "\",\"amount\":1500.50}");

            assertThat(event).isEqualTo(new Event.Payout(null, AT_INSTANT, new BigDecimal("1500.50")));
            assertThat(EventDocument.write(event).toString())
                    .isEqualTo("{\"type\":\"PAYOUT\",\"at\":\"" + AT + "\",\"amount\":1500.50}");
        }

        @Test
        void readsAPayoutWithoutAmountAsTheWholeWithdrawable() {
            assertThat(read("{\"type\":\"PAYOUT\",\"at\":\"" + AT + "\"}"))
                    .isEqualTo(new Event.Payout(null, AT_INSTANT, null));
        }

        @Test
        void refusesAPayoutOfNothingAndFieldsOfOtherEvents() {
            InvalidInputException e = refusal("{\"type\":\"PAYOUT\",\"at\":\"" + AT
                    + "\",\"amount\":0,\"equity\":5}");

            assertThat(e.violations()).extracting(InvalidInputException.Violation::path)
                    .containsExactlyInAnyOrder(PATH + ".amount", PATH + ".equity");
        }

        @Test
        void readsClockWithoutId() {
            Event event = read("{\"type\":\"CLOCK\",\"at\":\"" + AT + "\"}");

            assertThat(event).isEqualTo(new Event.Clock(null, AT_INSTANT));
        }

        @Test
        void readsClockWithAnIdempotencyId() {
            Event event = read("{\"type\":\"CLOCK\",\"id\":\"c-1\",\"at\":\"" + AT + "\"}");

            assertThat(event).isEqualTo(new Event.Clock("c-1", AT_INSTANT));
        }

        @Test
        void convertsAnOffsetTimeToUtc() {
            Event event = read("{\"type\":\"CLOCK\",\"at\":\"2026-03-02T11:30:00+02:00\"}");

            assertThat(event.at()).isEqualTo(Instant.parse("2026-03-02T09:30:00Z"));
        }

        @Test
        void keepsFractionsOfASecond() {
            Event event = read("{\"type\":\"CLOCK\",\"at\":\"2026-03-02T09:30:00.123456789Z\"}");

            assertThat(event.at()).isEqualTo(Instant.parse("2026-03-02T09:30:00.123456789Z"));
        }
    }

    @Nested
    class RequiredFields {

        @Test
        void namesEveryMissingFieldOfTradeOpenedUnderThePrefix() {
            InvalidInputException e = refusal("{\"type\":\"TRADE_OPENED\"}");

            assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                    "events[3].id", "events[3].at", "events[3].symbol", "events[3].side", "events[3].volume",
                    "events[3].price");
            assertThat(e.violations()).extracting(Violation::kind).containsOnly(Kind.VALUE);
        }

        @Test
        void namesEveryMissingFieldOfTradeClosedUnderThePrefix() {
            InvalidInputException e = refusal("{\"type\":\"TRADE_CLOSED\"}");

            assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                    "events[3].id", "events[3].at", "events[3].price", "events[3].profit");
        }

        @Test
        void namesMissingAtAndEquityOfAnEquityEventButNotItsId() {
            InvalidInputException e = refusal("{\"type\":\"EQUITY\"}");

            assertThat(e.violations()).extracting(Violation::path)
                    .containsExactlyInAnyOrder("events[3].at", "events[3].equity");
        }

        @Test
        void namesOnlyMissingAtOfAClock() {
            InvalidInputException e = refusal("{\"type\":\"CLOCK\"}");

            assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("events[3].at", Kind.VALUE));
        }

        @Test
        void treatsANullFieldAsMissing() {
            InvalidInputException e = refusal("{\"type\":\"EQUITY\",\"at\":\"" + AT + "\",\"equity\":null}");

            assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("events[3].equity", Kind.VALUE));
        }

        @Test
        void requiresTheType() {
            InvalidInputException e = refusal("{\"at\":\"" + AT + "\"}");

            assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("events[3].type", Kind.VALUE));
        }

        @Test
        void refusesAnUnknownTypeNamingTheAllowedOnes() {
            InvalidInputException e = refusal("{\"type\":\"DEPOSIT\",\"at\":\"" + AT + "\"}");

            assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("events[3].type", Kind.VALUE));
            assertThat(e.violations().get(0).message()).contains("TRADE_OPENED", "EQUITY", "CLOCK");
        }

        @Test
        void namesFieldsWithoutPrefixWhenReadAtTheRoot() {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> EventDocument.read(StrictJson.parse("{\"type\":\"EQUITY\",\"at\":\"" + AT + "\"}"), ""));

            assertThat(e.violations()).extracting(Violation::path).containsExactly("equity");
        }

        @Test
        void collectsProblemsOfSeveralEventsIntoOneReader() {
            StrictJson json = new StrictJson();

            EventDocument.read(json, StrictJson.parse("{\"type\":\"CLOCK\"}"), "[0]");
            EventDocument.read(json, StrictJson.parse(equity("-1")), "[1]");
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, json::throwIfInvalid);

            assertThat(e.violations()).extracting(Violation::path).containsExactly("[0].at", "[1].equity");
        }
    }

    @Nested
    class FieldsAndTypes {

        @Test
        void refusesAnUnknownFieldAsValue() {
            InvalidInputException e = refusal(opened(",\"comment\":\"hi\""));

            assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("events[3].comment", Kind.VALUE));
        }

        @Test
        void refusesAFieldThatBelongsToAnotherType() {
            InvalidInputException e = refusal("{\"type\":\"EQUITY\",\"at\":\"" + AT + "\",\"equity\":1,\"profit\":5}");

            assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("events[3].profit", Kind.VALUE));
            assertThat(e.violations().get(0).message()).contains("EQUITY");
        }

        @Test
        void refusesASymbolOnATradeClosed() {
            InvalidInputException e = refusal("{\"type\":\"TRADE_CLOSED\",\"id\":\"t-1\",\"at\":\"" + AT
                    + "\",\"price\":1.09,\"profit\":1,\"symbol\":\"EURUSD\"}");

            assertThat(e.violations()).extracting(Violation::path).containsExactly("events[3].symbol");
        }

        @Test
        void refusesAStringWhereANumberBelongsAsType() {
            InvalidInputException e = refusal(equity("\"100000\""));

            assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("events[3].equity", Kind.TYPE));
            assertThat(e.isMalformed()).isTrue();
        }

        @Test
        void refusesANumberWhereAStringBelongsAsType() {
            InvalidInputException e = refusal("{\"type\":\"CLOCK\",\"id\":7,\"at\":\"" + AT + "\"}");

            assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("events[3].id", Kind.TYPE));
        }

        @Test
        void refusesANonStringTypeAsType() {
            InvalidInputException e = refusal("{\"type\":1,\"at\":\"" + AT + "\"}");

            assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("events[3].type", Kind.TYPE));
        }

        @Test
        void refusesAnEventThatIsNoObjectAsType() {
            InvalidInputException e = refusal("[1, 2]");

            assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("events[3]", Kind.TYPE));
        }

        @Test
        void refusesAnUnknownSide() {
            InvalidInputException e = refusal(opened("").replace("\"BUY\"", "\"LONG\""));

            assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("events[3].side", Kind.VALUE));
        }

        @ParameterizedTest(name = "at {0}")
        @ValueSource(strings = {"2026-03-02T09:30:00", "2026-03-02", "yesterday", "2026-13-02T09:30:00Z"})
        void refusesAnAtThatIsNoInstantWithOffset(String at) {
            InvalidInputException e = refusal("{\"type\":\"CLOCK\",\"at\":\"" + at + "\"}");

            assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("events[3].at", Kind.VALUE));
        }
    }

    @Nested
    class Ids {

        @Test
        void requiresAnIdOnTradeClosed() {
            InvalidInputException e = refusal("{\"type\":\"TRADE_CLOSED\",\"at\":\"" + AT
                    + "\",\"price\":1.09,\"profit\":1}");

            assertThat(e.violations()).extracting(Violation::path).containsExactly("events[3].id");
        }

        @Test
        void acceptsAnIdOf128Characters() {
            Event event = read("{\"type\":\"CLOCK\",\"id\":\"" + "x".repeat(128) + "\",\"at\":\"" + AT + "\"}");

            assertThat(event.id()).hasSize(128);
        }

        @Test
        void refusesAnIdOf129Characters() {
            InvalidInputException e = refusal(opened("").replace("\"t-1\"", "\"" + "x".repeat(129) + "\""));

            assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("events[3].id", Kind.VALUE));
        }

        @Test
        void refusesABlankId() {
            InvalidInputException e = refusal("{\"type\":\"EQUITY\",\"id\":\"  \",\"at\":\"" + AT + "\",\"equity\":1}");

            assertThat(e.violations()).extracting(Violation::path).containsExactly("events[3].id");
        }
    }

    @Nested
    class Numbers {

        @ParameterizedTest(name = "volume {0}")
        @ValueSource(strings = {"0", "-1", "0.0"})
        void refusesAVolumeThatIsNotPositive(String volume) {
            InvalidInputException e = refusal(opened("").replace("\"volume\":1.0", "\"volume\":" + volume));

            assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("events[3].volume", Kind.VALUE));
        }

        @Test
        void refusesAPriceThatIsNotPositiveOnTradeClosed() {
            InvalidInputException e = refusal("{\"type\":\"TRADE_CLOSED\",\"id\":\"t-1\",\"at\":\"" + AT
                    + "\",\"price\":0,\"profit\":1}");

            assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("events[3].price", Kind.VALUE));
        }

        @Test
        void refusesNegativeEquity() {
            InvalidInputException e = refusal(equity("-0.01"));

            assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("events[3].equity", Kind.VALUE));
        }

        @Test
        void acceptsEquityOfExactlyTenToTheTwelfth() {
            Event event = read(equity("1000000000000"));

            assertThat(((Event.EquityUpdate) event).equity()).isEqualByComparingTo("1E12");
        }

        @ParameterizedTest(name = "equity {0}")
        @ValueSource(strings = {"1000000000000.01", "1E13", "1e300"})
        void refusesAbsurdlyLargeEquity(String value) {
            InvalidInputException e = refusal(equity(value));

            assertThat(e.violations()).extracting(Violation::path, Violation::kind)
                    .containsExactly(tuple("events[3].equity", Kind.VALUE));
        }

        @Test
        void refusesAnAbsurdlyLargeNegativeProfit() {
            InvalidInputException e = refusal("{\"type\":\"TRADE_CLOSED\",\"id\":\"t-1\",\"at\":\"" + AT
                    + "\",\"price\":1.09,\"profit\":-2E12}");

            assertThat(e.violations()).extracting(Violation::path).containsExactly("events[3].profit");
        }

        @Test
        void refusesANumberWhoseExponentNoDecimalCanHoldAsInvalidInput() {
            // 1E+9999999999 is valid JSON; its exponent is beyond what a BigDecimal holds.
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> EventDocument.read(StrictJson.parse(equity("1E+9999999999")), PATH));

            assertThat(e).as("a client's number must be refused as invalid input, not fail the request").isNotNull();
        }
    }

    @Nested
    class WriteAndCompare {

        private final Event.TradeOpened opened = new Event.TradeOpened("t-1", AT_INSTANT, "EURUSD", Side.SELL,
                new BigDecimal("0.50"), new BigDecimal("1.08500"));

        @Test
        void writesTheDocumentedShape() {
            JsonObject json = EventDocument.write(opened);

            assertThat(json.keySet()).containsExactlyInAnyOrder("type", "id", "at", "symbol", "side", "volume", "price");
            assertThat(json.getString("type")).isEqualTo("TRADE_OPENED");
            assertThat(json.getString("at")).isEqualTo(AT);
            assertThat(json.getString("side")).isEqualTo("SELL");
        }

        @Test
        void leavesOutANullId() {
            JsonObject json = EventDocument.write(new Event.Clock(null, AT_INSTANT));

            assertThat(json.keySet()).containsExactlyInAnyOrder("type", "at");
        }

        @Test
        void readsBackEveryWrittenTypeAsTheSameEvent() {
            Event[] events = {
                opened,
                new Event.TradeClosed("t-1", AT_INSTANT.plusNanos(1), new BigDecimal("1.09"), new BigDecimal("-12.34")),
                new Event.EquityUpdate(null, AT_INSTANT, new BigDecimal("99876.50")),
                new Event.EquityUpdate("e-1", AT_INSTANT, BigDecimal.ZERO),
                new Event.Clock("c-1", AT_INSTANT),
                new Event.Clock(null, AT_INSTANT)
            };

            for (Event event : events) {
                Event back = EventDocument.read(StrictJson.parse(EventDocument.write(event).toString()), "");
                assertThat(EventDocument.sameEvent(back, event)).as("%s", event).isTrue();
                assertThat(back).as("%s", event).isEqualTo(event);
            }
        }

        @Test
        void sameEventComparesNumbersByValue() {
            Event.TradeOpened oneDotZero = new Event.TradeOpened("t-1", AT_INSTANT, "EURUSD", Side.SELL,
                    new BigDecimal("0.5"), new BigDecimal("1.085"));

            assertThat(oneDotZero).isNotEqualTo(opened);
            assertThat(EventDocument.sameEvent(oneDotZero, opened)).isTrue();
        }

        @Test
        void sameEventReadsOneAndOnePointZeroAsTheSameEquity() {
            assertThat(EventDocument.sameEvent(read(equity("1")), read(equity("1.0")))).isTrue();
        }

        @Test
        void sameEventTellsADifferentPriceApart() {
            Event other = new Event.TradeOpened("t-1", AT_INSTANT, "EURUSD", Side.SELL, new BigDecimal("0.50"),
                    new BigDecimal("1.08501"));

            assertThat(EventDocument.sameEvent(opened, other)).isFalse();
        }

        @Test
        void sameEventTellsADifferentTimeApart() {
            Event other = new Event.TradeOpened("t-1", AT_INSTANT.plusMillis(1), "EURUSD", Side.SELL,
                    new BigDecimal("0.50"), new BigDecimal("1.08500"));

            assertThat(EventDocument.sameEvent(opened, other)).isFalse();
        }

        @Test
        void sameEventTellsADifferentSymbolApart() {
            Event other = new Event.TradeOpened("t-1", AT_INSTANT, "GBPUSD", Side.SELL, new BigDecimal("0.50"),
                    new BigDecimal("1.08500"));

            assertThat(EventDocument.sameEvent(opened, other)).isFalse();
        }

        @Test
        void sameEventTellsADifferentSideApart() {
            Event other = new Event.TradeOpened("t-1", AT_INSTANT, "EURUSD", Side.BUY, new BigDecimal("0.50"),
                    new BigDecimal("1.08500"));

            assertThat(EventDocument.sameEvent(opened, other)).isFalse();
        }

        @Test
        void sameEventTellsADifferentProfitApart() {
            Event a = new Event.TradeClosed("t-1", AT_INSTANT, new BigDecimal("1.09"), new BigDecimal("10"));
            Event b = new Event.TradeClosed("t-1", AT_INSTANT, new BigDecimal("1.09"), new BigDecimal("10.01"));

            assertThat(EventDocument.sameEvent(a, b)).isFalse();
        }

        @Test
        void sameEventTellsAnIdFromNoIdApart() {
            Event a = new Event.Clock(null, AT_INSTANT);
            Event b = new Event.Clock("c-1", AT_INSTANT);

            assertThat(EventDocument.sameEvent(a, b)).isFalse();
        }

        @Test
        void sameEventTellsTypesApart() {
            Event a = new Event.Clock("x", AT_INSTANT);
            Event b = new Event.EquityUpdate("x", AT_INSTANT, BigDecimal.ONE);

            assertThat(EventDocument.sameEvent(a, b)).isFalse();
        }
    }
}
