package ai.tradesense.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The written-out equality of {@link AccountState} tells apart states that differ in any one component. */
class AccountStateEqualityTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");

    /** A state with every nullable component set, so each can be changed on its own. */
    private static AccountState everyComponentSet(ChallengeStatus status) throws Exception {
        AccountState s = AccountState.start(Plans.plan("100000").build(), AT);
        return new AccountState(status, s.phaseIndex(), s.phaseStartedAt(), s.balance(), s.equity(),
                s.currentDayStart(), s.nextDayStart(), s.dayStartBalance(), s.dayStartEquity(), s.dayPeakEquity(),
                s.maxLossReference(), new BigDecimal("90000"), 1, LocalDate.parse("2026-03-02"),
                AT.plusSeconds(60), BigDecimal.ZERO, BigDecimal.ZERO, Set.of("t-1"), AT.plusSeconds(120),
                status == ChallengeStatus.PAUSED ? AT.plusSeconds(3600) : null, AT.plusSeconds(86_400 * 30L),
                AT.plusSeconds(86_400 * 10L),
                status == ChallengeStatus.FAILED ? new Failure(FailureRule.MAX_LOSS, AT, new BigDecimal("90000"),
                        new BigDecimal("89000")) : null,
                ConductState.NONE, FundedState.NONE);
    }

    @Test
    void aStateEqualsItsCopyAndHashesAlike() throws Exception {
        AccountState state = everyComponentSet(ChallengeStatus.ACTIVE);
        AccountState copy = withComponent(state, -1, null);
        assertThat(copy).isNotSameAs(state).isEqualTo(state).hasSameHashCodeAs(state);
        assertThat(state).isNotEqualTo(null).isNotEqualTo("a state");
    }

    @Test
    void aStateDiffersFromOneWithAnyOneComponentChanged() throws Exception {
        List<String> changed = new ArrayList<>();
        for (ChallengeStatus status : List.of(ChallengeStatus.ACTIVE, ChallengeStatus.PAUSED, ChallengeStatus.FAILED)) {
            AccountState state = everyComponentSet(status);
            RecordComponent[] components = AccountState.class.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                Object other = otherValue(components[i], state);
                if (other == null) {
                    continue;
                }
                AccountState different;
                try {
                    different = withComponent(state, i, other);
                } catch (InvocationTargetException refused) {
                    continue; // the change breaks an invariant of the state (a pause without PAUSED): not a state
                }
                assertThat(different).as(components[i].getName()).isNotEqualTo(state);
                assertThat(state).as(components[i].getName()).isNotEqualTo(different);
                changed.add(components[i].getName());
            }
        }
        assertThat(changed).as("components changed one at a time")
                .containsAll(List.of(AccountState.class.getRecordComponents()).stream()
                        .map(RecordComponent::getName).toList());
    }

    private static Object otherValue(RecordComponent component, AccountState state) throws Exception {
        Object value = component.getAccessor().invoke(state);
        Class<?> type = component.getType();
        if (type == int.class) {
            return (Integer) value + 1;
        }
        if (type == BigDecimal.class) {
            return value == null ? BigDecimal.ONE : ((BigDecimal) value).add(BigDecimal.ONE);
        }
        if (type == Instant.class) {
            return value == null ? AT : ((Instant) value).plusSeconds(1);
        }
        if (type == LocalDate.class) {
            return value == null ? LocalDate.parse("2026-03-01") : ((LocalDate) value).plusDays(1);
        }
        if (type == Set.class) {
            return Set.of("t-1", "t-2");
        }
        if (type == ChallengeStatus.class) {
            return value == ChallengeStatus.ACTIVE ? ChallengeStatus.PASSED : ChallengeStatus.ACTIVE;
        }
        if (type == Failure.class) {
            Failure f = (Failure) value;
            return f == null ? null : new Failure(f.rule(), f.at(), f.floor(), f.equity().add(BigDecimal.ONE));
        }
        if (type == ConductState.class) {
            ConductState c = (ConductState) value;
            return new ConductState(c.open(), c.openLots(), c.tradesToday() + 1, c.excludedProfit(), c.nextFlatBy(),
                    c.stopLossDue());
        }
        if (type == FundedState.class) {
            return FundedState.class.getField("NONE").get(null) == value ? fundedOther() : null;
        }
        return null;
    }

    private static FundedState fundedOther() throws Exception {
        FundedState none = FundedState.NONE;
        return withComponent(none, "payoutsPaid", none.payoutsPaid() + 1);
    }

    private static AccountState withComponent(AccountState state, int index, Object value) throws Exception {
        return construct(state, index, value);
    }

    private static <R extends Record> R withComponent(R record, String name, Object value) throws Exception {
        RecordComponent[] components = record.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return construct(record, i, value);
            }
        }
        throw new IllegalArgumentException(name);
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> R construct(R record, int index, Object value) throws Exception {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = i == index ? value : components[i].getAccessor().invoke(record);
        }
        Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return (R) canonical.newInstance(values);
    }
}
