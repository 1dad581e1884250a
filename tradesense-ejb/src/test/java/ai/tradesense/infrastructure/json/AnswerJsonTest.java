package ai.tradesense.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.tradesense.application.challenge.AppliedEvent;
import ai.tradesense.application.challenge.AuditContent;
import ai.tradesense.application.challenge.ChallengeSnapshot;
import ai.tradesense.application.challenge.IngestAnswer;
import ai.tradesense.application.challenge.ChallengeChanged;
import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.application.challenge.ManualActions;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.rules.ChallengeStatus;
import ai.tradesense.domain.rules.Evaluation;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.FailureRule;
import ai.tradesense.domain.rules.Outcome;
import ai.tradesense.domain.rules.RuleSet;
import ai.tradesense.domain.rules.Side;

/** Stored answers and audit contents are read back into records and written again byte for byte. */
class AnswerJsonTest {

    private static final Instant START = Instant.parse("2026-03-02T14:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00.987654321Z");

    private static String again(String stored) {
        return AnswerJson.write(AnswerJson.read(StrictJson.parse(stored).asJsonObject())).toString();
    }

    @Test
    void aStoredAnswerOfAFailedChallengeIsAnsweredAgainByteForByte() {
        RuleSet rules = PlanCatalogue.rules("two-step-100k");
        Challenge challenge = Challenge.start("c-1", "two-step-100k", 2, rules, "trader-7", START, START);
        challenge.apply(rules, new Event.TradeOpened("t-1", START.plusSeconds(60), "NQ", Side.BUY,
                new BigDecimal("1.50"), new BigDecimal("18250.25")), NOW);
        Event drop = new Event.EquityUpdate(null, START.plusSeconds(120), new BigDecimal("89999.10"));
        Evaluation evaluation = challenge.apply(rules, drop, NOW);
        AppliedEvent entry = new AppliedEvent(challenge.seq(), drop.type().name(), drop.id(), drop.at(),
                evaluation.outcomes(), false);
        IngestAnswer answer = new IngestAnswer(ChallengeSnapshot.of(challenge, rules), List.of(entry), false);

        String stored = AnswerJson.write(answer).toString();

        assertThat(stored).contains("\"failure\":{\"rule\":").contains("\"id\":null").contains("\"duplicate\":false");
        assertThat(again(stored)).isEqualTo(stored);
        IngestAnswer read = AnswerJson.read(StrictJson.parse(stored).asJsonObject());
        assertThat(read.applied()).isEqualTo(answer.applied());
        assertThat(read.challenge().equity()).isEqualByComparingTo("89999.1");
    }

    @Test
    void outcomesKeepTheScaleOfTheirNumbers() {
        List<Outcome> outcomes = List.of(new Outcome.Breach(FailureRule.MAX_LOSS, new BigDecimal("90000.00"),
                        new BigDecimal("89999.10"), START),
                new Outcome.Failed(FailureRule.TIME_LIMIT, START, null, new BigDecimal("100000")),
                new Outcome.Extended(3, null, START), new Outcome.IgnoredFrozen(ChallengeStatus.FAILED));
        String written = OutcomeJson.write(outcomes).toString();

        assertThat(OutcomeJson.write(AnswerJson.outcomes(StrictJson.parse(written).asJsonArray())).toString())
                .isEqualTo(written);
    }

    @Test
    void everyAuditContentIsListedAsItWasStored() {
        AppliedEvent entry = new AppliedEvent(3, "TRADE_CLOSED", "t-1", START,
                List.of(new Outcome.Passed(START)), false);
        List<AuditContent> contents = List.of(
                new AuditContent.Started("two-step-100k", 2, "trader-7", START),
                new AuditContent.EventRecorded(entry, new Event.TradeClosed("t-1", START, new BigDecimal("18260.00"),
                        new BigDecimal("250.50"))),
                new AuditContent.ActionTaken(ManualActions.Action.PAUSE, "news", List.of(new Outcome.Paused(START)),
                        START, null),
                new AuditContent.ActionTaken(ManualActions.Action.EXTEND, "support", List.of(), null, 5),
                new AuditContent.StatusChanged(3, new Outcome.Passed(START), ChallengeStatus.PASSED));
        List<String> kinds = List.of("CHALLENGE_STARTED", "EVENT_APPLIED", "MANUAL_ACTION", "MANUAL_ACTION", "PASSED");

        for (int i = 0; i < contents.size(); i++) {
            String stored = AuditContentJson.write(contents.get(i)).toString();
            AuditContent read = AuditContentJson.read(kinds.get(i), StrictJson.parse(stored).asJsonObject());
            assertThat(AuditContentJson.write(read).toString()).isEqualTo(stored);
        }
        assertThat(AuditContentJson.write(contents.get(1)).toString()).isEqualTo("{\"seq\":3,\"type\":\"TRADE_CLOSED\","
                + "\"id\":\"t-1\",\"at\":\"2026-03-02T14:00:00Z\",\"outcomes\":[{\"type\":\"PASSED\",\"at\":"
                + "\"2026-03-02T14:00:00Z\"}],\"event\":{\"type\":\"TRADE_CLOSED\",\"id\":\"t-1\",\"at\":"
                + "\"2026-03-02T14:00:00Z\",\"price\":18260.00,\"profit\":250.50}}");
    }

    @Test
    void aLiveMessageIsTypeChallengeSeqAtAndData() {
        AppliedEvent entry = new AppliedEvent(7, "CLOCK", "clock:2026-03-02T14:00:00Z", START, List.of(), false);

        String message = LiveMessageJson.write(new LiveMessage.EventApplied("c-1", 7, START, entry));

        assertThat(message).isEqualTo("{\"type\":\"EVENT_APPLIED\",\"challengeId\":\"c-1\",\"seq\":7,\"at\":"
                + "\"2026-03-02T14:00:00Z\",\"data\":{\"seq\":7,\"type\":\"CLOCK\",\"id\":\"clock:2026-03-02T14:00:00Z\","
                + "\"at\":\"2026-03-02T14:00:00Z\",\"outcomes\":[]}}");
    }

    @Test
    void anEnvelopeBetweenNodesNamesTheMessagesForTheOpsChannelByPosition() {
        AppliedEvent entry = new AppliedEvent(7, "EQUITY", null, START, List.of(), false);
        LiveMessage applied = new LiveMessage.EventApplied("c-1", 7, START, entry);
        LiveMessage breach = new LiveMessage.OutcomeReported("c-1", 7, START,
                new Outcome.Breach(FailureRule.DAILY_LOSS, BigDecimal.TEN, BigDecimal.ONE, START));
        ChallengeChanged change = new ChallengeChanged("c-1", "trader-1", "plan", List.of(applied, breach));

        LiveEnvelope sent = LiveEnvelope.of("node-a", change);
        LiveEnvelope received = LiveEnvelope.parse(sent.toJson());

        assertThat(received).isEqualTo(sent);
        assertThat(received.ops()).containsExactly(1);
        assertThat(sent.toJson()).startsWith(LiveEnvelope.startOf("node-a"))
                .doesNotStartWith(LiveEnvelope.startOf("node-")).doesNotStartWith(LiveEnvelope.startOf("node-b"));
        assertThat(LiveEnvelope.of("node \"a\"", change).toJson()).startsWith(LiveEnvelope.startOf("node \"a\""));
        assertThat(received.opsMessages()).containsExactly(LiveMessageJson.write(breach));
    }

    @Test
    void anEnvelopeWithoutOpsPositionsShowsNothingOnTheOpsChannel() {
        LiveEnvelope old = LiveEnvelope.parse("{\"origin\":\"n\",\"challengeId\":\"c-1\",\"messages\":[\"{}\"]}");

        assertThat(old.messages()).containsExactly("{}");
        assertThat(old.opsMessages()).isEmpty();
    }
}
