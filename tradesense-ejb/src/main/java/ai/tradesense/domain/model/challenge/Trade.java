package ai.tradesense.domain.model.challenge;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;
import ai.tradesense.domain.rules.Event;

/** A trade on a challenge's account, for its history: opened, and closed with its net profit. */
@Entity
@Table(name = "trade")
@IdClass(CompositeId.ByTrade.class)
public class Trade {

    @Id
    @Column(name = "challenge_id", length = 36)
    private String challengeId;

    @Id
    @Column(name = "trade_id", length = 128)
    private String tradeId;

    @Column(name = "phase_index", nullable = false)
    private int phaseIndex;

    @Column(nullable = false, length = 32)
    private String symbol;

    @Column(nullable = false, length = 4)
    private String side;

    @Column(nullable = false, precision = 30, scale = 10)
    private BigDecimal volume;

    @Column(name = "open_price", nullable = false, precision = 30, scale = 10)
    private BigDecimal openPrice;

    @Column(name = "opened_at", nullable = false)
    private OffsetDateTime openedAt;

    @Column(name = "close_price", precision = 30, scale = 10)
    private BigDecimal closePrice;

    @Column(precision = 30, scale = 10)
    private BigDecimal profit;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    /** The address the platform reported the trade was opened from (surveillance), null when it sent none. */
    @Column(name = "client_ip", updatable = false, length = 64)
    private String clientIp;

    protected Trade() {
    }

    public static Trade opened(String challengeId, int phaseIndex, Event.TradeOpened opened) {
        Trade trade = new Trade();
        trade.challengeId = challengeId;
        trade.tradeId = opened.id();
        trade.phaseIndex = phaseIndex;
        trade.symbol = opened.symbol();
        trade.side = opened.side().name();
        trade.volume = opened.volume();
        trade.openPrice = opened.price();
        trade.openedAt = Timestamps.stored(opened.at());
        trade.clientIp = opened.clientIp();
        return trade;
    }

    public void close(Event.TradeClosed closed) {
        this.closePrice = closed.price();
        this.profit = closed.profit();
        this.closedAt = Timestamps.stored(closed.at());
    }


    public String tradeId() {
        return tradeId;
    }

    public BigDecimal profit() {
        return profit;
    }

    public boolean isClosed() {
        return closedAt != null;
    }
}
