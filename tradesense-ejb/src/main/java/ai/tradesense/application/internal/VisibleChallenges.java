package ai.tradesense.application.internal;

import java.util.Optional;

import ai.tradesense.application.security.Caller;
import ai.tradesense.application.security.Role;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.ChallengeNotFoundException;

/**
 * Who sees which challenge: staff see all, traders their own, platform keys those on their plans.
 * Anything else is "not found", so ids cannot be probed.
 */
final class VisibleChallenges {

    private VisibleChallenges() {
    }

    static Challenge visible(Caller caller, Optional<Challenge> found, String id) {
        return found.filter(c -> caller.isStaff()
                        || (caller.is(Role.TRADER) && c.traderId().equals(caller.id()))
                        || (caller.is(Role.PLATFORM) && caller.mayUsePlan(c.planCode())))
                .orElseThrow(() -> new ChallengeNotFoundException(id));
    }
}
