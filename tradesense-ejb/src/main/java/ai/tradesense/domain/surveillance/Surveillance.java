package ai.tradesense.domain.surveillance;

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
     * @param trades            the trades held during the day: opened in it, or before it and still open in it
     * @param signIns           the day's sign-ins
     * @param ownCopyingAllowed by challenge id: whether its plan allows copying between one trader's own accounts
     */
    public static List<Finding> findings(LocalDate day, Instant from, Instant to, List<SurveilledTrade> trades,
                                         List<SignIn> signIns, TraderLinks links,
                                         Predicate<String> ownCopyingAllowed, SurveillanceSettings settings) {
        Objects.requireNonNull(day, "day");
        List<SurveilledTrade> opened = trades.stream()
                .filter(t -> !t.openedAt().isBefore(from) && t.openedAt().isBefore(to))
                .toList();
        List<Finding> findings = new ArrayList<>(
                CopyTradingDetector.detect(day, opened, settings, ownCopyingAllowed));
        findings.addAll(CrossHedgeDetector.detect(day, trades, links, settings));
        findings.addAll(SharedAddressDetector.detect(day, opened, signIns, links, settings));
        return findings;
    }
}
