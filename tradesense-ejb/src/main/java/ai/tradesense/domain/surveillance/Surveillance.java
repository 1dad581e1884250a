package ai.tradesense.domain.surveillance;

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
     * The findings of one day: copy trading, then hedges, then shared addresses.
     *
     * @param trades            the trades opened that day, and those opened before it still open during it
     * @param ownCopyingAllowed by challenge id: whether its plan allows copying between one trader's own accounts
     */
    public static List<Finding> findings(LocalDate day, List<SurveilledTrade> trades, List<SignIn> signIns,
                                         TraderLinks links, Predicate<String> ownCopyingAllowed,
                                         SurveillanceSettings settings) {
        Objects.requireNonNull(day, "day");
        List<Finding> findings = new ArrayList<>(
                CopyTradingDetector.detect(day, trades, settings, ownCopyingAllowed));
        findings.addAll(CrossHedgeDetector.detect(day, trades, links, settings));
        findings.addAll(SharedAddressDetector.detect(day, trades, signIns, links, settings));
        return findings;
    }
}
