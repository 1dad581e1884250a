package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Something that happened on an account, at the platform's time {@code at}. The records only refuse
 * missing fields; whether the numbers make sense and the event fits the account is the
 * {@link Evaluator}'s call, so a rejected event can still be recorded as it arrived
 * ({@code docs/rules.md} §12).
 */
public sealed interface Event {

    /** The platform's id: the trade's id for trade events, an optional idempotency key otherwise. */
    String id();

    Instant at();

    EventType type();

    /**
     * A trade was opened. It changes neither balance nor equity; it counts the trading day. The last four are
     * optional (null when not reported): the stop loss and take profit prices, {@code risk} (the money lost
     * if the stop is hit, as the platform computes it) and the trader's address, kept for surveillance.
     */
    record TradeOpened(String id, Instant at, String symbol, Side side, BigDecimal volume, BigDecimal price,
                       BigDecimal stopLoss, BigDecimal takeProfit, BigDecimal risk, String clientIp)
            implements Event {
        public TradeOpened {
            required(id, "id");
            required(at, "at");
            required(symbol, "symbol");
            required(side, "side");
            required(volume, "volume");
            required(price, "price");
        }

        /** A trade reported without stop loss, take profit, risk or address. */
        public TradeOpened(String id, Instant at, String symbol, Side side, BigDecimal volume, BigDecimal price) {
            this(id, at, symbol, side, volume, price, null, null, null, null);
        }

        @Override
        public EventType type() {
            return EventType.TRADE_OPENED;
        }
    }

    /** A trade was closed; {@code profit} is net of commission and swap and moves into the balance. */
    record TradeClosed(String id, Instant at, BigDecimal price, BigDecimal profit) implements Event {
        public TradeClosed {
            required(id, "id");
            required(at, "at");
            required(price, "price");
            required(profit, "profit");
        }

        @Override
        public EventType type() {
            return EventType.TRADE_CLOSED;
        }
    }

    /**
     * An open trade's stop loss or take profit was set or moved; a price not reported stays as it was
     * ({@code docs/rules.md} §19).
     */
    record TradeModified(String id, Instant at, BigDecimal stopLoss, BigDecimal takeProfit) implements Event {
        public TradeModified {
            required(id, "id");
            required(at, "at");
        }

        @Override
        public EventType type() {
            return EventType.TRADE_MODIFIED;
        }
    }

    /** The platform's balance plus floating profit and loss. {@code id} may be null. */
    record EquityUpdate(String id, Instant at, BigDecimal equity) implements Event {
        public EquityUpdate {
            required(at, "at");
            required(equity, "equity");
        }

        @Override
        public EventType type() {
            return EventType.EQUITY;
        }
    }

    /** Time passes and nothing else: the worker's daily resets and time-limit checks. {@code id} may be null. */
    record Clock(String id, Instant at) implements Event {
        public Clock {
            required(at, "at");
        }

        @Override
        public EventType type() {
            return EventType.CLOCK;
        }
    }

    /**
     * A payout approved at once (simulations and replays) or by staff (live): judged at {@code at}, then
     * paid or refused ({@code docs/rules.md} §20). {@code amount} null means the whole withdrawable;
     * {@code id} may be null.
     */
    record Payout(String id, Instant at, BigDecimal amount) implements Event {
        public Payout {
            required(at, "at");
        }

        @Override
        public EventType type() {
            return EventType.PAYOUT;
        }
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new EventRejectedException(EventRejectedException.Reason.MISSING_FIELD, field,
                    field + " is required");
        }
    }
}
