package ai.tradesense.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import ai.tradesense.domain.model.alert.AlertData;
import ai.tradesense.domain.rules.Side;
import ai.tradesense.domain.rules.surveillance.Finding;

/** A surveillance finding stored in its alert's figures reads back to the same finding. */
class FindingJsonTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-01");
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00.120Z");

    private static Finding.TradeRef trade(String challenge, String id, Side side, Instant closed) {
        return new Finding.TradeRef(challenge, "u-" + challenge, id, "XAUUSD", side, AT, closed);
    }

    private static void roundTrips(Finding finding) {
        AlertDataConverter converter = new AlertDataConverter();
        String stored = converter.convertToDatabaseColumn(new AlertData(new AlertData.Surveilled(finding), "u-c1",
                "two-step-100k"));

        AlertData read = converter.convertToEntityAttribute(stored);

        assertThat(read.figures()).isEqualTo(new AlertData.Surveilled(finding));
        assertThat(read.traderId()).isEqualTo("u-c1");
        assertThat(converter.convertToDatabaseColumn(read)).isEqualTo(stored);
    }

    @Test
    void copyTradingWithOpenAndClosedTradesReadsBack() {
        roundTrips(new Finding.CopyTrading(DAY, new TreeSet<>(List.of("c1", "c2")), new TreeSet<>(List.of("u-c1", "u-c2")),
                7, List.of(new Finding.Pairing(trade("c1", "t-1", Side.BUY, AT.plusSeconds(60)),
                        trade("c2", "t-2", Side.BUY, null)))));
    }

    @Test
    void aHedgeReadsBack() {
        roundTrips(new Finding.CrossHedge(DAY, new TreeSet<>(List.of("c1", "c2")), new TreeSet<>(List.of("u-c1")), 1,
                List.of(new Finding.Pairing(trade("c1", "t-1", Side.BUY, null), trade("c2", "t-2", Side.SELL, null)))));
    }

    @Test
    void aSharedAddressWithASignInAndATradeReadsBack() {
        roundTrips(new Finding.SharedAddress(DAY, "203.0.113.7", new TreeSet<>(List.of("c2")),
                new TreeSet<>(List.of("u-c1", "u-c2")), 2, List.of(new Finding.Sighting("u-c1", null, null, AT),
                        new Finding.Sighting("u-c2", "c2", "t-2", AT.plusMillis(5)))));
    }
}
