package ai.tradesense.domain.model.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.tradesense.infrastructure.json.AccountStateConverter;
import ai.tradesense.infrastructure.json.PlanCatalogue;
import ai.tradesense.domain.rules.AccountState;
import ai.tradesense.domain.rules.ChallengeStatus;
import ai.tradesense.domain.rules.Evaluation;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.EventRejectedException;
import ai.tradesense.domain.rules.OutcomeType;
import ai.tradesense.domain.rules.RuleSet;
import ai.tradesense.domain.rules.Side;

class ChallengeTest {

    private static final RuleSet RULES = PlanCatalogue.rules("futures-50k");
    private static final Instant START = Instant.parse("2026-03-02T14:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T14:00:00.123456789Z");

    private final Challenge challenge = Challenge.start("c-1", "futures-50k", 3, RULES, "trader-9", START, NOW);

    private static Event opened(String id, String at) {
        return new Event.TradeOpened(id, Instant.parse(at), "ES", Side.SELL, new BigDecimal("2"), new BigDecimal("5123.25"));
    }

    private static Event closed(String id, String at, String profit) {
        return new Event.TradeClosed(id, Instant.parse(at), new BigDecimal("5120.00"), new BigDecimal(profit));
    }

    private static Event equity(String at, String equity) {
        return new Event.EquityUpdate(null, Instant.parse(at), new BigDecimal(equity));
    }

    private Evaluation apply(Event event) {
        return challenge.apply(RULES, event, NOW);
    }

    @Test
    void startsActiveInTheFirstPhaseWithTheInitialBalanceAndNoEvents() {
        assertThat(challenge.seq()).isZero();
        assertThat(challenge.auditSeq()).isZero();
        assertThat(challenge.status()).isEqualTo(ChallengeStatus.ACTIVE);
        assertThat(challenge.account()).isEqualTo(AccountState.start(RULES, START));
        assertThat(challenge.startedAt()).isEqualTo(START);
    }

    @Test
    void keepsItsTimesToTheMicrosecond() {
        assertThat(challenge.createdAt()).isEqualTo(Instant.parse("2026-03-02T14:00:00.123456Z"));
        assertThat(challenge.updatedAt()).isEqualTo(Instant.parse("2026-03-02T14:00:00.123456Z"));
    }

    @Test
    void countsEachAppliedEvent() {
        apply(opened("t-1", "2026-03-02T14:05:00Z"));
        apply(equity("2026-03-02T14:06:00Z", "50012.50"));
        apply(closed("t-1", "2026-03-02T14:07:00Z", "25.00"));

        assertThat(challenge.seq()).isEqualTo(3);
        assertThat(challenge.account().balance()).isEqualByComparingTo("50025.00");
    }

    @Test
    void takesTheEnginesStateAsItsOwn() {
        apply(opened("t-1", "2026-03-02T14:05:00Z"));

        Evaluation evaluation = apply(equity("2026-03-02T14:06:00Z", "48999.99"));

        assertThat(challenge.account()).isEqualTo(evaluation.state());
        assertThat(challenge.status()).isEqualTo(ChallengeStatus.PAUSED);
        assertThat(evaluation.has(OutcomeType.PAUSED)).isTrue();
    }

    @Test
    void changesNothingWhenTheEngineRejectsAnEvent() {
        apply(opened("t-1", "2026-03-02T14:05:00Z"));
        AccountState before = challenge.account();
        String stateBefore = storedState(challenge);
        Instant updatedBefore = challenge.updatedAt();

        EventRejectedException e = catchThrowableOfType(EventRejectedException.class, () -> challenge.apply(RULES,
                closed("t-unknown", "2026-03-02T14:06:00Z", "100"), NOW.plusSeconds(60)));

        assertThat(e.reason()).isEqualTo(EventRejectedException.Reason.UNKNOWN_TRADE);
        assertThat(challenge.seq()).isEqualTo(1);
        assertThat(challenge.account()).isEqualTo(before);
        assertThat(challenge.status()).isEqualTo(ChallengeStatus.ACTIVE);
        assertThat(challenge.updatedAt()).isEqualTo(updatedBefore);
        assertThat(storedState(challenge)).isEqualTo(stateBefore);
    }

    @Test
    void changesNothingWhenAnEventComesOutOfOrder() {
        apply(equity("2026-03-02T14:10:00Z", "50100"));
        String stateBefore = storedState(challenge);

        EventRejectedException e = catchThrowableOfType(EventRejectedException.class,
                () -> apply(equity("2026-03-02T14:09:59Z", "40000")));

        assertThat(e.reason()).isEqualTo(EventRejectedException.Reason.OUT_OF_ORDER);
        assertThat(challenge.seq()).isEqualTo(1);
        assertThat(storedState(challenge)).isEqualTo(stateBefore);
        assertThat((BigDecimal) field(challenge, "balance")).isEqualByComparingTo("50000");
        assertThat((BigDecimal) field(challenge, "equity")).isEqualByComparingTo("50100");
    }

    @Test
    void countsAnEventIgnoredByAFrozenChallenge() {
        apply(equity("2026-03-02T14:06:00Z", "47000"));
        assertThat(challenge.status()).isEqualTo(ChallengeStatus.FAILED);

        Evaluation ignored = apply(equity("2026-03-02T14:07:00Z", "52000"));

        assertThat(ignored.has(OutcomeType.IGNORED_FROZEN)).isTrue();
        assertThat(challenge.seq()).isEqualTo(2);
    }

    @Test
    void rebuildsTheSameAccountFromItsStoredState() {
        apply(opened("t-1", "2026-03-02T14:05:00Z"));
        apply(opened("t-2", "2026-03-02T14:06:00Z"));
        apply(equity("2026-03-02T14:07:00.000000001Z", "49750.25"));
        apply(closed("t-1", "2026-03-02T14:08:00Z", "120.50"));
        apply(equity("2026-03-02T14:09:00Z", "48899.90"));

        Challenge reloaded = reloaded(challenge);

        assertThat(challenge.account().status()).isEqualTo(ChallengeStatus.PAUSED);
        assertThat(reloaded.account()).isEqualTo(challenge.account());
    }

    @Test
    void rebuildsAFailedAccountFromItsStoredState() {
        apply(equity("2026-03-02T14:06:00Z", "47000.00"));

        assertThat(reloaded(challenge).account()).isEqualTo(challenge.account());
        assertThat(reloaded(challenge).account().failure()).isNotNull();
    }

    @Test
    void keepsBalanceAndEquityColumnsInStepWithTheAccount() {
        apply(opened("t-1", "2026-03-02T14:05:00Z"));
        apply(equity("2026-03-02T14:06:00Z", "50210.75"));

        assertThat((BigDecimal) field(challenge, "balance")).isEqualTo(challenge.account().balance());
        assertThat((BigDecimal) field(challenge, "equity")).isEqualTo(new BigDecimal("50210.75"));
        assertThat((String) field(challenge, "status")).isEqualTo("ACTIVE");
    }

    /** A challenge as JPA would load it: the state read back from its stored column, nothing else in memory. */
    private static Challenge reloaded(Challenge original) {
        try {
            var constructor = Challenge.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            Challenge loaded = constructor.newInstance();
            Field state = Challenge.class.getDeclaredField("state");
            state.setAccessible(true);
            state.set(loaded, new AccountStateConverter().convertToEntityAttribute(storedState(original)));
            return loaded;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static String storedState(Challenge challenge) {
        return new AccountStateConverter().convertToDatabaseColumn((AccountState) field(challenge, "state"));
    }

    private static Object field(Challenge challenge, String name) {
        try {
            Field field = Challenge.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(challenge);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTickThatChangesOnlyEquityAndTimeIsPendingWithoutASeqAndIsStoredBeforeTheNextEvent() {
        List<Integer> levels = List.of(80, 95);
        challenge.record(RULES, opened("t-1", "2026-03-02T14:10:00Z"), NOW, "bridge", levels);
        assertThat(challenge.record(RULES, equity("2026-03-02T14:11:00Z", "49900"), NOW, "bridge", levels).compacted())
                .as("a new low of the day is stored").isFalse();
        assertThat(challenge.seq()).isEqualTo(2);

        Challenge.Recorded tick = challenge.record(RULES, equity("2026-03-02T14:12:00Z", "49950.50"), NOW, "bridge", levels);

        assertThat(tick.compacted()).isTrue();
        assertThat(tick.stored()).isNull();
        assertThat(challenge.seq()).isEqualTo(2);
        assertThat(challenge.account().equity()).isEqualTo(new BigDecimal("49950.50"));
        assertThat(challenge.pendingTick()).contains(new Event.EquityUpdate(null, Instant.parse("2026-03-02T14:12:00Z"),
                new BigDecimal("49950.50")));
        AccountState afterTick = challenge.account();

        Challenge.Recorded close = challenge.record(RULES, closed("t-1", "2026-03-02T14:20:00Z", "-49.50"), NOW, "bridge",
                levels);

        assertThat(close.compacted()).isFalse();
        assertThat(close.stored().seq()).isEqualTo(3);
        assertThat(close.stored().after()).isEqualTo(afterTick);
        assertThat(close.stored().actor()).isEqualTo("bridge");
        assertThat(close.stored().tick().equity()).isEqualTo(new BigDecimal("49950.50"));
        assertThat(challenge.seq()).isEqualTo(4);
        assertThat(challenge.pendingTick()).isEmpty();
        assertThat(challenge.storePendingTick()).isEmpty();
    }

    @Test
    void aPendingTickIsStoredOnDemandBeforeAStaffAction() {
        List<Integer> levels = List.of(80, 95);
        challenge.record(RULES, opened("t-1", "2026-03-02T14:10:00Z"), NOW, "bridge", levels);
        challenge.record(RULES, equity("2026-03-02T14:11:00Z", "49900"), NOW, "bridge", levels);
        challenge.record(RULES, equity("2026-03-02T14:12:00Z", "49950"), NOW, "bridge", levels);

        Challenge.StoredTick stored = challenge.storePendingTick().orElseThrow();

        assertThat(stored.seq()).isEqualTo(3);
        assertThat(challenge.seq()).isEqualTo(3);
        assertThat(challenge.pendingTick()).isEmpty();
        assertThat(catchThrowableOfType(() -> challenge.apply(RULES, equity("2026-03-02T14:13:00Z", "49940"), NOW),
                IllegalStateException.class)).isNull();
    }
}
