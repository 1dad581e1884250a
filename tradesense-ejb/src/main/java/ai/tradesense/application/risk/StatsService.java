package ai.tradesense.application.risk;

import ai.tradesense.application.security.Caller;

/** A challenge's trading statistics and daily equity curve, from its daily snapshots and trades. */
public interface StatsService {

    /**
     * Win rate, average win and loss, profit factor, best day, max drawdown and the daily curve, with
     * every event recorded so far included (the snapshots are brought up to date first).
     */
    ChallengeStats stats(Caller caller, String challengeId);
}
