package ai.tradesense.domain.model.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import ai.tradesense.domain.rules.ConductRule;
import ai.tradesense.domain.rules.FailureRule;
import ai.tradesense.domain.rules.OnViolation;
import ai.tradesense.domain.rules.RiskWatch;
import ai.tradesense.domain.rules.surveillance.Finding;

/** The figures behind an alert, by cause, with the trader and plan of the challenge it is about. */
public record AlertData(Figures figures, String traderId, String planCode) {

    /** What the alert is about, in the figures staff need to judge it. */
    public sealed interface Figures permits Failed, RoomUsed, StaleFeed, ConductFlagged, Surveilled { }

    /** The challenge failed; floor and equity are absent for rules that have none (time limit, inactivity). */
    public record Failed(FailureRule rule, Instant at, BigDecimal floor, BigDecimal equity) implements Figures { }

    /** A floor's room is used up to {@code level} percent on {@code tradingDay}. */
    public record RoomUsed(RiskWatch.Floor floor, int level, BigDecimal used, BigDecimal equity, BigDecimal roomLeft,
                           LocalDate tradingDay) implements Figures { }

    /** Trade {@code tradeId} broke conduct rule {@code rule}, which flags it (or excludes its profit). */
    public record ConductFlagged(ConductRule rule, String tradeId, OnViolation action) implements Figures { }

    /** No equity from the platform since {@code lastEquityAt} while trades are open. */
    public record StaleFeed(Instant lastEquityAt, int openTrades, long staleAfterMinutes) implements Figures { }

    /** Surveillance across accounts found this (copy trading, a hedge, a shared address), with its evidence. */
    public record Surveilled(Finding finding) implements Figures { }
}
