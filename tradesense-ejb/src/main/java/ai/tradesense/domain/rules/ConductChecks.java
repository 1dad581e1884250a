package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ai.tradesense.domain.rules.ConductState.OpenTrade;
import ai.tradesense.domain.rules.Outcome.ConductViolation;

/**
 * The conduct rules of {@code docs/rules.md} §19 applied to one event or deadline: each call returns the
 * new {@link ConductState} and adds the violations it found, each (rule, trade) once, to {@code found}.
 * What a violation then does (fail, pause) is the {@link Evaluator}'s, after the loss checks.
 */
final class ConductChecks {

    private ConductChecks() {
    }

    static ConductState opened(ConductRules rules, ConductState s, Event.TradeOpened e, BigDecimal initial,
                               EconomicCalendar calendar, List<ConductViolation> found) {
        int counted = 0;
        BigDecimal lots = s.openLots().add(e.volume());
        int trades = s.open().size() + 1;
        int today = s.tradesToday() + 1;
        if (rules.maxLotsPerTrade() != null && e.volume().compareTo(rules.maxLotsPerTrade().lots()) > 0) {
            counted |= found(found, ConductRule.MAX_LOTS_PER_TRADE, e.id(), rules.maxLotsPerTrade().onViolation());
        }
        if (rules.maxOpenLots() != null && lots.compareTo(rules.maxOpenLots().lots()) > 0) {
            counted |= found(found, ConductRule.MAX_OPEN_LOTS, e.id(), rules.maxOpenLots().onViolation());
        }
        if (rules.maxOpenTrades() != null && trades > rules.maxOpenTrades().count()) {
            counted |= found(found, ConductRule.MAX_OPEN_TRADES, e.id(), rules.maxOpenTrades().onViolation());
        }
        if (rules.maxTradesPerDay() != null && today > rules.maxTradesPerDay().count()) {
            counted |= found(found, ConductRule.MAX_TRADES_PER_DAY, e.id(), rules.maxTradesPerDay().onViolation());
        }
        ConductRules.Risk risk = rules.riskPerTrade();
        if (risk != null && e.risk() != null && e.risk().compareTo(risk.allowance().amountOf(initial)) > 0) {
            counted |= found(found, ConductRule.RISK_PER_TRADE, e.id(), risk.onViolation());
        }
        boolean excluded = false;
        ConductRules.News news = rules.news();
        if (news != null && calendar.hit(news, e.at(), e.symbol()) != null) {
            counted |= found(found, ConductRule.NEWS_TRADING, e.id(), news.onViolation());
            excluded = news.onViolation() == OnViolation.EXCLUDE;
        }
        Instant due = rules.stopLoss() == null || e.stopLoss() != null ? null
                : e.at().plusSeconds(rules.stopLoss().seconds());
        List<OpenTrade> open = new ArrayList<>(trades);
        open.addAll(s.open());
        open.add(new OpenTrade(e.id(), e.symbol(), e.volume(), e.at(), due, excluded, counted));
        Instant nextFlatBy = s.nextFlatBy();
        if (nextFlatBy != null && !nextFlatBy.isAfter(e.at())) {
            // Nothing was open across the instants passed since: the next one after this open is what counts.
            nextFlatBy = rules.nextFlatByAfter(e.at());
        }
        return new ConductState(open, lots, today, s.excludedProfit(), nextFlatBy, earliest(s.stopLossDue(), due));
    }

    static ConductState closed(ConductRules rules, ConductState s, Event.TradeClosed e, EconomicCalendar calendar,
                               List<ConductViolation> found) {
        OpenTrade trade = s.trade(e.id());
        if (trade == null) {
            // Opened before the phase had conduct rules to remember it by: nothing to judge.
            return s;
        }
        boolean excluded = trade.excluded();
        ConductRules.Seconds minHold = rules.minHold();
        if (minHold != null && trade.openedAt().plusSeconds(minHold.seconds()).isAfter(e.at())) {
            found(found, ConductRule.MIN_HOLD, e.id(), minHold.onViolation());
            excluded |= minHold.onViolation() == OnViolation.EXCLUDE;
        }
        ConductRules.News news = rules.news();
        if (news != null && !trade.hasCounted(ConductRule.NEWS_TRADING)
                && calendar.hit(news, e.at(), trade.symbol()) != null) {
            found(found, ConductRule.NEWS_TRADING, e.id(), news.onViolation());
            excluded |= news.onViolation() == OnViolation.EXCLUDE;
        }
        BigDecimal excludedProfit = s.excludedProfit();
        if (excluded && e.profit().signum() > 0) {
            excludedProfit = excludedProfit.add(e.profit());
        }
        List<OpenTrade> open = new ArrayList<>(s.open().size());
        for (OpenTrade t : s.open()) {
            if (t != trade) {
                open.add(t);
            }
        }
        Instant due = trade.stopLossDue() != null && trade.stopLossDue().equals(s.stopLossDue())
                ? earliestDue(open) : s.stopLossDue();
        return new ConductState(open, s.openLots().subtract(trade.volume()), s.tradesToday(), excludedProfit,
                s.nextFlatBy(), due);
    }

    /** A stop loss set in time satisfies the rule; moving one, or a take profit, changes nothing here. */
    static ConductState modified(ConductState s, Event.TradeModified e) {
        OpenTrade trade = s.trade(e.id());
        if (trade == null || e.stopLoss() == null || trade.stopLossDue() == null) {
            return s;
        }
        List<OpenTrade> open = new ArrayList<>(s.open().size());
        for (OpenTrade t : s.open()) {
            open.add(t == trade ? withoutDue(t, t.counted()) : t);
        }
        return new ConductState(open, s.openLots(), s.tradesToday(), s.excludedProfit(), s.nextFlatBy(),
                earliestDue(open));
    }

    /**
     * The deadline {@link ConductState#nextDeadline()} at {@code at}: every trade without a stop loss whose
     * time is up, and, at a {@code flatBy} instant, every trade still open (one violation per instant and
     * trade). Returns the strongest action found through {@code found}.
     */
    static ConductState deadline(ConductRules rules, ConductState s, Instant at, List<ConductViolation> found) {
        List<OpenTrade> open = new ArrayList<>(s.open().size());
        for (OpenTrade t : s.open()) {
            if (t.stopLossDue() != null && !t.stopLossDue().isAfter(at)) {
                found(found, ConductRule.STOP_LOSS_MISSING, t.id(), rules.stopLoss().onViolation());
                open.add(withoutDue(t, t.counted() | ConductRule.STOP_LOSS_MISSING.bit()));
            } else {
                open.add(t);
            }
        }
        Instant nextFlatBy = s.nextFlatBy();
        if (nextFlatBy != null && !nextFlatBy.isAfter(at)) {
            OnViolation action = rules.flatByActionAt(nextFlatBy);
            for (OpenTrade t : open) {
                found(found, ConductRule.WEEKEND_HOLDING, t.id(), action);
            }
            nextFlatBy = rules.nextFlatByAfter(nextFlatBy);
        }
        return new ConductState(open, s.openLots(), s.tradesToday(), s.excludedProfit(), nextFlatBy,
                earliestDue(open));
    }

    static ConductState dayRolled(ConductState s) {
        return s.tradesToday() == 0 ? s : new ConductState(s.open(), s.openLots(), 0, s.excludedProfit(),
                s.nextFlatBy(), s.stopLossDue());
    }

    private static int found(List<ConductViolation> found, ConductRule rule, String tradeId, OnViolation action) {
        found.add(new ConductViolation(rule, tradeId, action));
        return rule.bit();
    }

    private static OpenTrade withoutDue(OpenTrade t, int counted) {
        return new OpenTrade(t.id(), t.symbol(), t.volume(), t.openedAt(), null, t.excluded(), counted);
    }

    private static Instant earliestDue(List<OpenTrade> open) {
        Instant due = null;
        for (OpenTrade t : open) {
            due = earliest(due, t.stopLossDue());
        }
        return due;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
