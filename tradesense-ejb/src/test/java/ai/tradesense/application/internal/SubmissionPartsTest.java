package ai.tradesense.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import ai.tradesense.application.challenge.BridgeAnswer;
import ai.tradesense.application.challenge.CommitFailedException;
import ai.tradesense.application.security.Caller;
import ai.tradesense.domain.rules.Event;

class SubmissionPartsTest {

    private static final Caller BRIDGE = new Caller("k", "bridge", Set.of(), Set.of());
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    /** Challenges "a0", "b1", "c2", ...: the writer of each is the digit. */
    private static int writerOf(String challengeId) {
        return challengeId.charAt(1) - '0';
    }

    private static Submission bridge(String... challengeIds) {
        List<Submission.Entry> entries = new ArrayList<>();
        for (int i = 0; i < challengeIds.length; i++) {
            entries.add(new Submission.Entry(i, challengeIds[i],
                    new Event.EquityUpdate(null, AT.plusSeconds(i), BigDecimal.valueOf(100_000 + i)), "events[" + i + "]"));
        }
        return new Submission(BRIDGE, entries, false, true, new CompletableFuture<>());
    }

    private static Submission.Settled applied(Submission part) {
        return new Submission.Settled.Bridged(new BridgeAnswer(part.entries().stream()
                .<BridgeAnswer.Result>map(e -> new BridgeAnswer.Applied(e.index(), e.challengeId(), e.index() + 1L, List.of()))
                .toList()));
    }

    @Test
    void aRequestOfOneWritersChallengesGoesWholeToThatWriter() {
        Submission request = bridge("a1", "b1", "a1");

        Map<Integer, Submission> parts = SubmissionParts.split(request, SubmissionPartsTest::writerOf);

        assertThat(parts).containsOnlyKeys(1);
        assertThat(parts.get(1)).isSameAs(request);
    }

    @Test
    void eachWriterGetsItsChallengesEventsInRequestOrder() {
        Submission request = bridge("a0", "b1", "a0", "c2", "b1");

        Map<Integer, Submission> parts = SubmissionParts.split(request, SubmissionPartsTest::writerOf);

        assertThat(parts).containsOnlyKeys(0, 1, 2);
        assertThat(parts.get(0).entries()).extracting(Submission.Entry::index).containsExactly(0, 2);
        assertThat(parts.get(1).entries()).extracting(Submission.Entry::index).containsExactly(1, 4);
        assertThat(parts.get(2).entries()).extracting(Submission.Entry::index).containsExactly(3);
        assertThat(parts.values()).allMatch(Submission::bridge);
    }

    @Test
    void theRequestIsAnsweredOnlyOnceEveryPartSettledWithResultsInRequestOrder() throws Exception {
        Submission request = bridge("a0", "b1", "a0", "c2", "b1");
        Map<Integer, Submission> parts = SubmissionParts.split(request, SubmissionPartsTest::writerOf);

        parts.get(2).settled().complete(applied(parts.get(2)));
        parts.get(0).settled().complete(applied(parts.get(0)));
        assertThat(request.settled()).isNotDone();
        parts.get(1).settled().complete(applied(parts.get(1)));

        BridgeAnswer answer = ((Submission.Settled.Bridged) request.settled().get()).answer();
        assertThat(answer.results()).extracting(BridgeAnswer.Result::index).containsExactly(0, 1, 2, 3, 4);
        assertThat(answer.results()).extracting(BridgeAnswer.Result::challengeId)
                .containsExactly("a0", "b1", "a0", "c2", "b1");
    }

    @Test
    void aFailedCommitOfAnyPartFailsTheWholeRequest() {
        Submission request = bridge("a0", "b1", "c2");
        Map<Integer, Submission> parts = SubmissionParts.split(request, SubmissionPartsTest::writerOf);
        CommitFailedException failure = new CommitFailedException(new IllegalStateException("connection lost"));

        parts.get(0).settled().complete(applied(parts.get(0)));
        parts.get(1).settled().completeExceptionally(failure);
        assertThat(request.settled()).isNotDone();
        parts.get(2).settled().complete(applied(parts.get(2)));

        assertThatThrownBy(() -> request.settled().get()).isInstanceOf(ExecutionException.class).hasCause(failure);
    }

    @Test
    void onlyABridgeRequestMaySpanWriters() {
        Submission request = bridge("a0", "b1");
        Submission perChallenge = new Submission(BRIDGE, request.entries(), false, false, new CompletableFuture<>());

        assertThatThrownBy(() -> SubmissionParts.split(perChallenge, SubmissionPartsTest::writerOf))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
