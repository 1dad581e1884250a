package ai.tradesense.application.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.tradesense.application.challenge.ChallengeChanged;
import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.application.risk.SurveillanceScan;
import ai.tradesense.domain.model.alert.Alert;
import ai.tradesense.domain.model.alert.AlertData;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.ChallengeRepository;
import ai.tradesense.domain.model.surveillance.SurveillanceRepository;
import ai.tradesense.domain.surveillance.Finding;
import ai.tradesense.domain.surveillance.SignIn;
import ai.tradesense.domain.surveillance.Surveillance;
import ai.tradesense.domain.surveillance.SurveillanceSettings;
import ai.tradesense.domain.surveillance.SurveilledTrade;
import ai.tradesense.domain.surveillance.TraderLinks;

/**
 * Runs the detectors over the current and the previous surveillance day and raises each finding as an alert on
 * the first of its accounts, once per (kind, day, accounts): a cluster that grows is raised again with its new
 * members. Nothing here changes an account.
 */
@Stateless
public class DefaultSurveillanceScan implements SurveillanceScan {

    private static final Logger LOG = Logger.getLogger(DefaultSurveillanceScan.class.getName());

    @Inject
    SurveillanceRepository surveillance;

    @Inject
    ChallengeRepository challenges;

    @Inject
    AlertRaiser alerts;

    @Inject
    jakarta.enterprise.event.Event<ChallengeChanged> changes;

    @Inject
    @ConfigProperty(name = "tradesense.surveillance.copy-window-ms", defaultValue = "500")
    long copyWindowMs;

    @Inject
    @ConfigProperty(name = "tradesense.surveillance.copy-min-matches", defaultValue = "5")
    int copyMinMatches;

    @Inject
    @ConfigProperty(name = "tradesense.surveillance.evidence-limit", defaultValue = "20")
    int evidenceLimit;

    /** The zone whose calendar days surveillance counts matches and shared addresses in. */
    @Inject
    @ConfigProperty(name = "tradesense.surveillance.zone", defaultValue = "UTC")
    String zone;

    @Inject
    @ConfigProperty(name = "tradesense.surveillance.address-retention-days", defaultValue = "90")
    int addressRetentionDays;

    @Override
    public Report scan(Instant now) {
        SurveillanceSettings settings = new SurveillanceSettings(copyWindowMs, copyMinMatches, evidenceLimit);
        ZoneId days = ZoneId.of(zone);
        TraderLinks links = TraderLinks.of(surveillance.links().stream()
                .map(l -> new TraderLinks.Link(l.traderA(), l.traderB())).toList());
        LocalDate today = now.atZone(days).toLocalDate();
        int trades = 0;
        int signIns = 0;
        int found = 0;
        int raised = 0;
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            Instant from = day.atStartOfDay(days).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(days).toInstant();
            List<SurveilledTrade> held = surveillance.tradesHeld(from, to);
            List<SignIn> seen = surveillance.signIns(from, to);
            // The plan flag for copying between one trader's own accounts is not in plans yet: every plan allows
            // it, as DESIGN 3d reads ("different traders").
            List<Finding> findings = Surveillance.findings(day, from, to, held, seen, links, c -> true, settings);
            trades += held.size();
            signIns += seen.size();
            found += findings.size();
            for (Finding finding : findings) {
                if (raise(finding, now)) {
                    raised++;
                }
            }
        }
        Report report = new Report(2, trades, signIns, found, raised);
        LOG.log(raised > 0 ? Level.INFO : Level.FINE, "Surveillance: {0}", report);
        return report;
    }

    @Override
    public int forgetAddresses(Instant now) {
        return surveillance.deleteSignInsBefore(now.minus(addressRetentionDays, ChronoUnit.DAYS));
    }

    private boolean raise(Finding finding, Instant now) {
        Optional<Challenge> subject = subject(finding);
        if (subject.isEmpty()) {
            LOG.log(Level.FINE, "Surveillance finding with no account to raise it on: {0}", finding.traders());
            return false;
        }
        Challenge challenge = subject.get();
        Optional<LiveMessage> message = alerts.raise(challenge, finding.kind().name(), Alert.Severity.WARNING,
                dedupeKey(finding), message(finding), new AlertData.Surveilled(finding), now);
        // to the ops channel only, after the commit; not to the challenge's watchers, nor to webhooks
        message.ifPresent(m -> changes.fire(StaffOnlyChanges.of(challenge, List.of(m))));
        return message.isPresent();
    }

    /** The first of its accounts; for a shared address seen only at sign-ins, the oldest challenge of its traders. */
    private Optional<Challenge> subject(Finding finding) {
        if (!finding.accounts().isEmpty()) {
            return challenges.find(finding.accounts().first());
        }
        Map<String, String> any = surveillance.anyChallengeOf(List.copyOf(finding.traders()));
        return finding.traders().stream().filter(any::containsKey).findFirst()
                .flatMap(trader -> challenges.find(any.get(trader)));
    }

    static String dedupeKey(Finding finding) {
        String subject = String.join(",", finding.accounts());
        if (finding instanceof Finding.SharedAddress shared) {
            subject = shared.address() + "|" + String.join(",", shared.traders());
        }
        return finding.kind() + ":" + finding.day() + ":" + sha256(subject).substring(0, 40);
    }

    static String message(Finding finding) {
        String of = finding.accounts().size() + " accounts of " + finding.traders().size() + " traders";
        if (finding instanceof Finding.CopyTrading copy) {
            return "Copy trading on " + copy.day() + ": " + of + " opened alike " + copy.matches() + " times";
        } else if (finding instanceof Finding.CrossHedge hedge) {
            return "Hedge across accounts on " + hedge.day() + ": " + of + " held opposite positions "
                    + hedge.overlaps() + " times";
        }
        Finding.SharedAddress shared = (Finding.SharedAddress) finding;
        return "Shared address on " + shared.day() + ": " + shared.traders().size() + " traders seen at "
                + (shared.address().length() > 64 ? shared.address().substring(0, 64) : shared.address());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
