package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.time.Instant;

/** Events as the platform sends them, with neutral details where a test does not care. */
final class Events {

    private Events() {
    }

    static Event.TradeOpened opened(String id, Instant at) {
        return new Event.TradeOpened(id, at, "EURUSD", Side.BUY, BigDecimal.ONE, new BigDecimal("1.085"));
    }

    static Event.TradeClosed closed(String id, Instant at, String profit) {
        return new Event.TradeClosed(id, at, new BigDecimal("1.09"), new BigDecimal(profit));
    }

    static Event.EquityUpdate equity(Instant at, String equity) {
        return new Event.EquityUpdate(null, at, new BigDecimal(equity));
    }

    static Event.Clock clock(Instant at) {
        return new Event.Clock(null, at);
    }
}
