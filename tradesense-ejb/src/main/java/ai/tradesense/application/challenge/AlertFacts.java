package ai.tradesense.application.challenge;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import ai.tradesense.domain.rules.Failure;

/** What an alert raised on a challenge says, one shape per kind of alert; stored with the alert. */
public sealed interface AlertFacts {

    /** The challenge failed. */
    record Failed(Failure failure) implements AlertFacts { }

    /** A loss floor's room is used up to a warning level on a trading day. */
    record RoomUsed(String floor, int level, BigDecimal used, BigDecimal equity, BigDecimal roomLeft,
                    LocalDate tradingDay) implements AlertFacts { }

    /** Open trades and no equity report from the platform for too long. */
    record FeedStale(Instant lastEquityAt, int openTrades, long staleAfterMinutes) implements AlertFacts { }
}
