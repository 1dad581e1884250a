package ai.tradesense.application.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.ToIntFunction;

import ai.tradesense.application.challenge.BridgeAnswer;

/**
 * A request split between the ingestion writers: each challenge belongs to one writer, so a bridge request
 * over many challenges becomes one part per writer, each committed in that writer's transaction. The
 * request is answered once every part settled: the results merged in request order, or, when any part's
 * commit failed, that failure for the whole request (the contract of a failed commit: 503, nothing
 * acknowledged; parts that committed in other transactions stay applied, and their events answer as
 * duplicates when the request is sent again).
 */
final class SubmissionParts {

    private SubmissionParts() {
    }

    /**
     * The parts of {@code submission} by writer ({@code writerOf} a challenge id), in writer order; the
     * submission itself when all its events go to one writer. Every part of a split request completes the
     * request's future when the last of them settled.
     */
    static Map<Integer, Submission> split(Submission submission, ToIntFunction<String> writerOf) {
        Map<Integer, List<Submission.Entry>> byWriter = new TreeMap<>();
        for (Submission.Entry entry : submission.entries()) {
            byWriter.computeIfAbsent(writerOf.applyAsInt(entry.challengeId()), k -> new ArrayList<>()).add(entry);
        }
        if (byWriter.size() <= 1) {
            return byWriter.isEmpty() ? Map.of() : Map.of(byWriter.keySet().iterator().next(), submission);
        }
        if (!submission.bridge()) {
            throw new IllegalArgumentException("only a bridge request spans several challenges");
        }
        Map<Integer, Submission> parts = new TreeMap<>();
        byWriter.forEach((writer, entries) -> parts.put(writer, new Submission(submission.caller(), entries,
                false, true, new CompletableFuture<>())));
        List<CompletableFuture<Submission.Settled>> settled = parts.values().stream().map(Submission::settled).toList();
        CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> {
            if (failure != null) {
                submission.settled().completeExceptionally(unwrap(failure));
            } else {
                submission.settled().complete(joined(settled.stream().map(CompletableFuture::join).toList()));
            }
        });
        return parts;
    }

    /** The bridge answers of the parts as one, in request order. */
    static Submission.Settled joined(List<Submission.Settled> parts) {
        List<BridgeAnswer.Result> results = new ArrayList<>();
        for (Submission.Settled part : parts) {
            results.addAll(((Submission.Settled.Bridged) part).answer().results());
        }
        results.sort(Comparator.comparingInt(BridgeAnswer.Result::index));
        return new Submission.Settled.Bridged(new BridgeAnswer(results));
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
