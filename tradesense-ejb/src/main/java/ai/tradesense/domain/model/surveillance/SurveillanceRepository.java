package ai.tradesense.domain.model.surveillance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ai.tradesense.domain.rules.surveillance.SignIn;
import ai.tradesense.domain.rules.surveillance.SurveilledTrade;

/** What the surveillance job reads, and the links and addresses it keeps. */
public interface SurveillanceRepository {

    /** Trades held during [from, to): opened before {@code to} and not closed before {@code from}. */
    List<SurveilledTrade> tradesHeld(Instant from, Instant to);

    /** Trades opened in [from, to); with {@code addressed}, only those reported with a client address. */
    List<SurveilledTrade> tradesOpened(Instant from, Instant to, boolean addressed);

    /** The challenges whose plan version forbids copying between one trader's own accounts (allowed by default). */
    Set<String> challengesForbiddingOwnCopying();

    /** Sign-ins in [from, to). */
    List<SignIn> signIns(Instant from, Instant to);

    void add(SignInAddress signIn);

    /** Deletes sign-in addresses recorded before {@code before}; returns how many. */
    int deleteSignInsBefore(Instant before);

    List<TraderLink> links();

    Optional<TraderLink> link(String id);

    Optional<TraderLink> link(String traderA, String traderB);

    void add(TraderLink link);

    void remove(TraderLink link);

    /** A challenge of each of these traders (the oldest), for findings that name no account. */
    Map<String, String> anyChallengeOf(List<String> traderIds);
}
