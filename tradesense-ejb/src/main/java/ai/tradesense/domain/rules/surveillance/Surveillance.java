package ai.tradesense.domain.rules.surveillance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** Every surveillance detector over one day's activity. */
public final class Surveillance {

    private Surveillance() {
    }

    /**
     * The findings of one day, [{@code from}, {@code to}): copy trading and shared addresses among the trades opened
     * in it, hedges among all the trades held during it; copy trading first, then hedges, then shared addresses.
     *
     * @param trades              the trades held during the day: opened in it, or before it and still open in it
     * @param signIns             the day's sign-ins
     * @param ownCopyingForbidden by challenge id: whether its plan forbids copying between one party's own accounts
     *                            (one trader's, or linked traders'), which is no finding by default
     */
    public static List<Finding> findings(LocalDate day, Instant from, Instant to, List<SurveilledTrade> trades,
                                         List<SignIn> signIns, TraderLinks links,
                                         Predicate<String> ownCopyingForbidden, SurveillanceSettings settings) {
        List<Finding> findings = new ArrayList<>();
        for (Finding.Kind detector : Finding.Kind.values()) {
            findings.addAll(findings(detector, day, from, to, trades, signIns, links, ownCopyingForbidden, settings));
        }
        return findings;
    }

    /**
     * The findings of one detector over one day: one shard of the surveillance job. Each finding comes from exactly
     * one detector and names its day, so the detectors of the days together find what {@link #findings} finds for
     * each day. What a detector needs: {@code COPY_TRADING} the trades opened in the day, {@code CROSS_HEDGE} the
     * trades held during it, {@code SHARED_IP} the trades opened in it with an address and the sign-ins; anything
     * more it is given is ignored.
     */
    public static List<Finding> findings(Finding.Kind detector, LocalDate day, Instant from, Instant to,
                                         List<SurveilledTrade> trades, List<SignIn> signIns, TraderLinks links,
                                         Predicate<String> ownCopyingForbidden, SurveillanceSettings settings) {
        Objects.requireNonNull(day, "day");
        return switch (detector) {
            case COPY_TRADING -> CopyTradingDetector.detect(day, opened(trades, from, to), links, settings,
                    ownCopyingForbidden);
            case CROSS_HEDGE -> CrossHedgeDetector.detect(day, trades, links, settings);
            case SHARED_IP -> SharedAddressDetector.detect(day, opened(trades, from, to), signIns, links, settings);
        };
    }

    private static List<SurveilledTrade> opened(List<SurveilledTrade> trades, Instant from, Instant to) {
        return trades.stream().filter(t -> !t.openedAt().isBefore(from) && t.openedAt().isBefore(to)).toList();
    }
}
