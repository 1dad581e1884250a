package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Test conduct blocks that read like the plan JSON: {@code conduct().maxOpenTrades(2, FLAG).build()}. */
final class Conducts {

    private ConductRules.Lots maxLotsPerTrade;
    private ConductRules.Lots maxOpenLots;
    private ConductRules.Count maxOpenTrades;
    private ConductRules.Count maxTradesPerDay;
    private ConductRules.Seconds minHold;
    private ConductRules.Seconds stopLoss;
    private ConductRules.Risk riskPerTrade;
    private final List<ConductRules.FlatBy> flatBy = new ArrayList<>();
    private ConductRules.News news;

    static Conducts conduct() {
        return new Conducts();
    }

    Conducts maxLotsPerTrade(String lots, OnViolation action) {
        maxLotsPerTrade = new ConductRules.Lots(new BigDecimal(lots), action);
        return this;
    }

    Conducts maxOpenLots(String lots, OnViolation action) {
        maxOpenLots = new ConductRules.Lots(new BigDecimal(lots), action);
        return this;
    }

    Conducts maxOpenTrades(int count, OnViolation action) {
        maxOpenTrades = new ConductRules.Count(count, action);
        return this;
    }

    Conducts maxTradesPerDay(int count, OnViolation action) {
        maxTradesPerDay = new ConductRules.Count(count, action);
        return this;
    }

    Conducts minHold(long seconds, OnViolation action) {
        minHold = new ConductRules.Seconds(seconds, action);
        return this;
    }

    Conducts stopLoss(long withinSeconds, OnViolation action) {
        stopLoss = new ConductRules.Seconds(withinSeconds, action);
        return this;
    }

    Conducts riskPerTrade(Allowance allowance, OnViolation action) {
        riskPerTrade = new ConductRules.Risk(allowance, action);
        return this;
    }

    Conducts flatBy(DayOfWeek day, String hhmm, String zone, OnViolation action) {
        flatBy.add(new ConductRules.FlatBy(day, LocalTime.parse(hhmm), ZoneId.of(zone), action));
        return this;
    }

    Conducts news(long beforeSeconds, long afterSeconds, OnViolation action, CalendarEntry.Impact... impact) {
        news = new ConductRules.News(beforeSeconds, afterSeconds, Set.of(impact), action);
        return this;
    }

    ConductRules build() {
        return new ConductRules(maxLotsPerTrade, maxOpenLots, maxOpenTrades, maxTradesPerDay, minHold, stopLoss,
                riskPerTrade, flatBy, news);
    }
}
