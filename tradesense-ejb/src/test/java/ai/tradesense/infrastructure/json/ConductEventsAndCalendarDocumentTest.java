package ai.tradesense.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Violation;
import ai.tradesense.domain.rules.CalendarEntry;
import ai.tradesense.domain.rules.Event;

/** The event fields conduct rules read, TRADE_MODIFIED, and the calendar's JSON and CSV forms. */
class ConductEventsAndCalendarDocumentTest {

    private static List<String> paths(Runnable read) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, read::run);
        assertThat(e).as("must be refused").isNotNull();
        return e.violations().stream().map(Violation::path).toList();
    }

    @Test
    void readsAndWritesTheOptionalFieldsOfAnOpen() {
        Event event = EventDocument.read(StrictJson.parse("""
                { "type": "TRADE_OPENED", "id": "t-1", "at": "2026-03-02T09:00:00Z", "symbol": "EURUSD",
                  "side": "BUY", "volume": 1, "price": 1.085, "stopLoss": 1.08, "takeProfit": 1.1, "risk": 500,
                  "clientIp": "203.0.113.7" }"""), "");
        Event.TradeOpened opened = (Event.TradeOpened) event;
        assertThat(opened.stopLoss()).isEqualByComparingTo("1.08");
        assertThat(opened.risk()).isEqualByComparingTo("500");
        assertThat(opened.clientIp()).isEqualTo("203.0.113.7");
        Event again = EventDocument.read(EventDocument.write(event), "");
        assertThat(EventDocument.sameEvent(event, again)).isTrue();
        assertThat(EventDocument.write(new Event.TradeOpened("t", Instant.EPOCH, "X", ai.tradesense.domain.rules.Side.BUY,
                BigDecimal.ONE, BigDecimal.ONE)).containsKey("stopLoss")).as("absent fields stay absent").isFalse();
    }

    @Test
    void readsATradeModifiedAndRefusesWhatItDoesNotHave() {
        Event.TradeModified modified = (Event.TradeModified) EventDocument.read(StrictJson.parse("""
                { "type": "TRADE_MODIFIED", "id": "t-1", "at": "2026-03-02T09:00:30Z", "stopLoss": 1.08 }"""), "");
        assertThat(modified.stopLoss()).isEqualByComparingTo("1.08");
        assertThat(modified.takeProfit()).isNull();
        assertThat(paths(() -> EventDocument.read(StrictJson.parse("""
                { "type": "TRADE_MODIFIED", "at": "2026-03-02T09:00:30Z", "profit": 5, "stopLoss": 0 }"""), "[2]")))
                .containsExactlyInAnyOrder("[2].profit", "[2].id", "[2].stopLoss");
        assertThat(paths(() -> EventDocument.read(StrictJson.parse("""
                { "type": "TRADE_OPENED", "id": "t", "at": "2026-03-02T09:00:00Z", "symbol": "EURUSD",
                  "side": "BUY", "volume": 1, "price": 1, "risk": -1 }"""), ""))).containsExactly("risk");
    }

    @Test
    void readsTheCsvImportWithQuotedTitlesAndBothSeparators() {
        List<CalendarEntry> entries = CalendarDocument.readCsv("at,title,impact,symbols\r\n"
                + "2026-03-06T13:30:00Z,\"Payrolls, \"\"core\"\"\",HIGH,EURUSD US30|xauusd\r\n\r\n"
                + "2026-03-07T12:00:00Z,CPI,low,GBPUSD\n");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).title()).isEqualTo("Payrolls, \"core\"");
        assertThat(entries.get(0).symbols()).containsExactlyInAnyOrder("EURUSD", "US30", "XAUUSD");
        assertThat(entries.get(1).impact()).isEqualTo(CalendarEntry.Impact.LOW);
    }

    @Test
    void refusesABadCsvNamingTheLineAndCell() {
        assertThat(paths(() -> CalendarDocument.readCsv("when,what\n"))).containsExactly("lines[0]");
        assertThat(paths(() -> CalendarDocument.readCsv("""
                at,title,impact,symbols
                2026-03-06T13:30:00Z,Payrolls,HIGH,EURUSD
                tomorrow,CPI,SEVERE,
                2026-03-07T12:00:00Z,CPI
                """))).containsExactly("lines[2].at", "lines[2].impact", "lines[2].symbols", "lines[3]");
    }

    @Test
    void anEntryInJsonNeedsEveryFieldAndASymbol() {
        CalendarEntry entry = CalendarDocument.read("""
                { "at": "2026-03-06T13:30:00Z", "title": "Payrolls", "impact": "HIGH", "symbols": ["EURUSD"] }""");
        assertThat(CalendarDocument.write(entry).getString("impact")).isEqualTo("HIGH");
        assertThat(paths(() -> CalendarDocument.read("""
                { "title": "", "impact": "BIG", "symbols": [], "extra": 1 }""")))
                .containsExactlyInAnyOrder("extra", "at", "title", "impact", "symbols");
    }
}
