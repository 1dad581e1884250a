package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One challenge driven event by event, with times written as local date-times in the plan's zone:
 * {@code Session.start(plan, "2024-03-04T09:00").at("2024-03-04T10:00").open("t1")}.
 */
final class Session {

    private final RuleSet rules;
    private AccountState state;
    private Instant now;
    private List<Outcome> last = List.of();
    private final List<Outcome> all = new ArrayList<>();
    private EconomicCalendar calendar = EconomicCalendar.EMPTY;

    private Session(RuleSet rules, Instant startAt) {
        this.rules = rules;
        this.state = AccountState.start(rules, startAt);
        this.now = startAt;
    }

    static Session start(RuleSet rules, String localDateTime) {
        return new Session(rules, local(rules, localDateTime));
    }

    static Session start(Plans plan, String localDateTime) {
        return start(plan.build(), localDateTime);
    }

    static Instant local(RuleSet rules, String localDateTime) {
        return local(rules.dayBoundary().zone(), localDateTime);
    }

    static Instant local(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    /** Moves the session's clock; the next event happens then. */
    Session at(String localDateTime) {
        now = local(rules, localDateTime);
        return this;
    }

    Session atInstant(Instant instant) {
        now = instant;
        return this;
    }

    Session open(String id) {
        return apply(Events.opened(id, now));
    }

    Session close(String id, String profit) {
        return apply(Events.closed(id, now, profit));
    }

    Session equity(String equity) {
        return apply(Events.equity(now, equity));
    }

    Session clock() {
        return apply(Events.clock(now));
    }

    /** The calendar news trading is judged against from now on. */
    Session calendar(EconomicCalendar value) {
        calendar = value;
        return this;
    }

    /** A PAYOUT event at the session's clock; {@code amount} null asks for the whole withdrawable. */
    Session payout(String amount) {
        return apply(new Event.Payout(null, now, amount == null ? null : new BigDecimal(amount)));
    }

    /** The payout eligibility at the session's clock. */
    PayoutEligibility eligibility(String amount) {
        return Evaluator.payoutEligibility(rules, state, now, amount == null ? null : new BigDecimal(amount));
    }

    Session apply(Event event) {
        Evaluation evaluation = Evaluator.apply(rules, state, event, calendar);
        state = evaluation.state();
        last = evaluation.outcomes();
        all.addAll(last);
        return this;
    }

    Session approveReview() {
        Evaluation evaluation = Evaluator.approveReview(rules, state, now);
        state = evaluation.state();
        last = evaluation.outcomes();
        all.addAll(last);
        return this;
    }

    /** A staff action at the session's clock. */
    Session act(ManualAction action) {
        Evaluation evaluation = Evaluator.act(rules, state, action);
        state = evaluation.state();
        last = evaluation.outcomes();
        all.addAll(last);
        return this;
    }

    Session fail() {
        return act(new ManualAction.Fail(now));
    }

    Session pass() {
        return act(new ManualAction.Pass(now));
    }

    /** Pauses until {@code untilLocal} (local time), or until the next boundary when null. */
    Session pause(String untilLocal) {
        return act(new ManualAction.Pause(now, untilLocal == null ? null : local(rules, untilLocal)));
    }

    Session resume() {
        return act(new ManualAction.Resume(now));
    }

    Session extend(int days) {
        return act(new ManualAction.Extend(now, days));
    }

    Session restore() {
        return act(new ManualAction.Restore(now));
    }

    RuleSet rules() {
        return rules;
    }

    AccountState state() {
        return state;
    }

    Instant now() {
        return now;
    }

    Instant instant(String localDateTime) {
        return local(rules, localDateTime);
    }

    /** What the last event did. */
    List<Outcome> outcomes() {
        return last;
    }

    List<OutcomeType> outcomeTypes() {
        return last.stream().map(Outcome::type).toList();
    }

    /** What every event of the session did. */
    List<Outcome> allOutcomes() {
        return all;
    }

    <T extends Outcome> List<T> all(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    BigDecimal dailyLossFloor() {
        return state.dailyLossFloor(rules);
    }

    BigDecimal maxLossFloor() {
        return state.maxLossFloor();
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }
}
