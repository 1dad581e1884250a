package ai.tradesense.application.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A challenge's trading statistics as of event {@code seq}. Ratios are null where their divisor is zero
 * (no trades, no wins, no losses); {@code bestDay} is null before the first day with a closed trade.
 */
public record ChallengeStats(String challengeId, long seq, int closedTrades, int wins, int losses,
                             BigDecimal winRate, BigDecimal averageWin, BigDecimal averageLoss,
                             BigDecimal profitFactor, BigDecimal grossProfit, BigDecimal grossLoss, BestDay bestDay,
                             BigDecimal maxDrawdown, List<Day> days) {

    /** The trading day with the highest profit among those with a closed trade. */
    public record BestDay(LocalDate day, BigDecimal profit) { }

    /** One trading day of the equity curve. */
    public record Day(LocalDate day, int phaseIndex, BigDecimal startBalance, BigDecimal endBalance,
                      BigDecimal startEquity, BigDecimal endEquity, BigDecimal lowEquity, BigDecimal highEquity,
                      int trades, int tradesOpened, BigDecimal profit) { }
}
