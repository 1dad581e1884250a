package ai.tradesense.application.internal;

import java.util.List;

import ai.tradesense.application.challenge.ChallengeChanged;
import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.application.risk.SurveillanceService;
import ai.tradesense.domain.model.challenge.Challenge;

/**
 * Changes for staff only. A surveillance alert names other traders' accounts and trades, so it must not reach the
 * watchers of the challenge it is raised on (its trader among them): it is fired under an id no challenge has, so
 * no watcher receives it and the ops channel does.
 */
final class StaffOnlyChanges {

    /** Not a challenge id (those are UUIDs), so nobody can watch it. */
    static final String NO_WATCHERS = "surveillance";

    private StaffOnlyChanges() {
    }

    static boolean staffOnly(String alertKind) {
        return SurveillanceService.KINDS.contains(alertKind);
    }

    static ChallengeChanged of(Challenge challenge, List<LiveMessage> messages) {
        return new ChallengeChanged(NO_WATCHERS, challenge.traderId(), challenge.planCode(), messages);
    }
}
