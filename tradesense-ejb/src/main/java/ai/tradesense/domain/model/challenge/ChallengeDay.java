package ai.tradesense.domain.model.challenge;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;

/**
 * One trading day of a challenge (named by the local date of its boundary in the plan's zone), built
 * event by event from the recorded events: where balance and equity started and ended, how low and high
 * equity went, the trades, and the deepest fall from the phase's highest equity so far.
 */
@Entity
@Table(name = "challenge_day")
@IdClass(CompositeId.ByDay.class)
public class ChallengeDay {

    @Id
    @Column(name = "challenge_id", length = 36)
    private String challengeId;

    @Id
    @Column(name = "trading_day")
    private LocalDate tradingDay;

    @Column(name = "phase_index", nullable = false)
    private int phaseIndex;

    @Column(name = "start_balance", nullable = false, precision = 30, scale = 10)
    private BigDecimal startBalance;

    @Column(name = "end_balance", nullable = false, precision = 30, scale = 10)
    private BigDecimal endBalance;

    @Column(name = "start_equity", nullable = false, precision = 30, scale = 10)
    private BigDecimal startEquity;

    @Column(name = "end_equity", nullable = false, precision = 30, scale = 10)
    private BigDecimal endEquity;

    @Column(name = "low_equity", nullable = false, precision = 30, scale = 10)
    private BigDecimal lowEquity;

    @Column(name = "high_equity", nullable = false, precision = 30, scale = 10)
    private BigDecimal highEquity;

    @Column(name = "peak_equity", nullable = false, precision = 30, scale = 10)
    private BigDecimal peakEquity;

    @Column(name = "max_drawdown", nullable = false, precision = 30, scale = 10)
    private BigDecimal maxDrawdown;

    @Column(name = "trades_opened", nullable = false)
    private int tradesOpened;

    @Column(name = "trades_closed", nullable = false)
    private int tradesClosed;

    @Column(nullable = false, precision = 30, scale = 10)
    private BigDecimal profit;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected ChallengeDay() {
    }

    /**
     * A new day that starts where the previous one ended.
     *
     * @param peakEquity  the phase's highest equity before this day
     * @param maxDrawdown the deepest fall before this day
     */
    public static ChallengeDay open(String challengeId, LocalDate tradingDay, int phaseIndex, BigDecimal balance,
                                    BigDecimal equity, BigDecimal peakEquity, BigDecimal maxDrawdown) {
        ChallengeDay day = new ChallengeDay();
        day.challengeId = challengeId;
        day.tradingDay = tradingDay;
        day.phaseIndex = phaseIndex;
        day.startBalance = balance;
        day.endBalance = balance;
        day.startEquity = equity;
        day.endEquity = equity;
        day.lowEquity = equity;
        day.highEquity = equity;
        day.peakEquity = peakEquity.max(equity);
        day.maxDrawdown = maxDrawdown;
        day.profit = BigDecimal.ZERO;
        return day;
    }

    /**
     * Takes in one event's result.
     *
     * @param closedProfit the profit of a trade it closed, or null
     * @param newPhase     true when the event started a fresh phase: the highest equity starts again
     */
    public void record(long seq, int phase, BigDecimal balance, BigDecimal equity, boolean opened,
                       BigDecimal closedProfit, boolean newPhase, Instant now) {
        if (newPhase) {
            peakEquity = equity;
        }
        phaseIndex = phase;
        endBalance = balance;
        endEquity = equity;
        lowEquity = lowEquity.min(equity);
        highEquity = highEquity.max(equity);
        peakEquity = peakEquity.max(equity);
        maxDrawdown = maxDrawdown.max(peakEquity.subtract(equity));
        if (opened) {
            tradesOpened++;
        }
        if (closedProfit != null) {
            tradesClosed++;
            profit = profit.add(closedProfit);
        }
        lastSeq = seq;
        updatedAt = Timestamps.stored(now);
    }

    public String challengeId() {
        return challengeId;
    }

    public LocalDate tradingDay() {
        return tradingDay;
    }

    public int phaseIndex() {
        return phaseIndex;
    }

    public BigDecimal startBalance() {
        return startBalance;
    }

    public BigDecimal endBalance() {
        return endBalance;
    }

    public BigDecimal startEquity() {
        return startEquity;
    }

    public BigDecimal endEquity() {
        return endEquity;
    }

    public BigDecimal lowEquity() {
        return lowEquity;
    }

    public BigDecimal highEquity() {
        return highEquity;
    }

    public BigDecimal peakEquity() {
        return peakEquity;
    }

    public BigDecimal maxDrawdown() {
        return maxDrawdown;
    }

    public int tradesOpened() {
        return tradesOpened;
    }

    public int tradesClosed() {
        return tradesClosed;
    }

    public BigDecimal profit() {
        return profit;
    }

    public long lastSeq() {
        return lastSeq;
    }
}
