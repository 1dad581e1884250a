package ai.tradesense.application.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.tradesense.application.challenge.ChallengeChanged;
import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.application.risk.Shard;
import ai.tradesense.application.risk.ShardReport;
import ai.tradesense.application.risk.SurveillanceScan;
import ai.tradesense.domain.model.alert.Alert;
import ai.tradesense.domain.model.alert.AlertData;
import ai.tradesense.domain.model.alert.AlertRepository;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.ChallengeRepository;
import ai.tradesense.domain.model.surveillance.SurveillanceRepository;
import ai.tradesense.domain.rules.surveillance.Finding;
import ai.tradesense.domain.rules.surveillance.SignIn;
import ai.tradesense.domain.rules.surveillance.Surveillance;
import ai.tradesense.domain.rules.surveillance.SurveillanceSettings;
import ai.tradesense.domain.rules.surveillance.SurveilledTrade;
import ai.tradesense.domain.rules.surveillance.TraderLinks;

/**
 * Runs the detectors over the current and the previous surveillance day, one shard per detector and day, and raises
 * each finding as an alert on the first of its accounts, once per (kind, day, accounts): a cluster that grows is
 * raised again with its new members. A finding has one kind and one day, so two shards never find the same one; a
 * shard taken twice (a lease that ran out) raises nothing twice, as {@code uq_alert_dedupe} holds one alert per
 * (challenge, dedupe key). Nothing here changes an account.
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
    AlertRepository alertRecords;

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
        int trades = 0;
        int signIns = 0;
        int found = 0;
        int raised = 0;
        for (Shard shard : plan("now-" + now.toEpochMilli(), now)) {
            Unit unit = run(shard);
            // every detector reads the trades it needs; the hedges' read (all trades held) is the day's trades
            trades += Finding.Kind.valueOf(shard.fromId()) == Finding.Kind.CROSS_HEDGE ? unit.trades() : 0;
            signIns += unit.signIns();
            found += unit.findings();
            raised += unit.raised();
        }
        Report report = new Report(2, trades, signIns, found, raised);
        LOG.log(raised > 0 ? Level.INFO : Level.FINE, "Surveillance: {0}", report);
        return report;
    }

    @Override
    public List<Shard> plan(String cycle, Instant now) {
        return plan(cycle, now, ZoneId.of(zone));
    }

    /** One shard per detector and day, the previous day first. */
    static List<Shard> plan(String cycle, Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Shard> shards = new ArrayList<>();
        int count = 2 * Finding.Kind.values().length;
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            for (Finding.Kind detector : Finding.Kind.values()) {
                shards.add(new Shard(cycle, Shard.Kind.SURVEIL, shards.size(), count, detector.name(), day.toString(),
                        0, now));
            }
        }
        return shards;
    }

    @Override
    public ShardReport scan(Shard shard) {
        Unit unit = run(shard);
        return new ShardReport(unit.trades() + unit.signIns(), unit.findings(), 0, unit.raised(), 0);
    }

    /** What one shard read, found and raised. */
    private record Unit(int trades, int signIns, int findings, int raised) { }

    /** One detector over one day: reads what it needs (see {@link Surveillance}), detects, raises what is new. */
    private Unit run(Shard shard) {
        Finding.Kind detector = Finding.Kind.valueOf(shard.fromId());
        LocalDate day = LocalDate.parse(shard.toId());
        SurveillanceSettings settings = new SurveillanceSettings(copyWindowMs, copyMinMatches, evidenceLimit);
        ZoneId days = ZoneId.of(zone);
        Instant from = day.atStartOfDay(days).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(days).toInstant();
        TraderLinks links = TraderLinks.of(surveillance.links().stream()
                .map(l -> new TraderLinks.Link(l.traderA(), l.traderB())).toList());
        List<SurveilledTrade> trades = switch (detector) {
            case COPY_TRADING -> surveillance.tradesOpened(from, to, false);
            case CROSS_HEDGE -> surveillance.tradesHeld(from, to);
            case SHARED_IP -> surveillance.tradesOpened(from, to, true);
        };
        List<SignIn> seen = detector == Finding.Kind.SHARED_IP ? surveillance.signIns(from, to) : List.of();
        Set<String> forbidding = detector == Finding.Kind.COPY_TRADING
                ? surveillance.challengesForbiddingOwnCopying() : Set.of();
        List<Finding> findings = Surveillance.findings(detector, day, from, to, trades, seen, links,
                forbidding::contains, settings);
        return new Unit(trades.size(), seen.size(), findings.size(), raise(findings, from, shard.at()));
    }

    /**
     * Raises the findings not raised before. Their accounts and the keys raised already since the day's start are
     * looked up first, a thousand at a time, so that no query runs between the inserts and they go out in batches.
     */
    private int raise(List<Finding> findings, Instant dayStart, Instant now) {
        List<String> subjects = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            subjects.add(subjectId(finding).orElse(null));
        }
        Map<String, Challenge> byId = new HashMap<>();
        for (Challenge challenge : challenges.findAll(new HashSet<>(subjects.stream().filter(Objects::nonNull)
                .toList()))) {
            byId.put(challenge.id(), challenge);
        }
        List<String> ids = List.copyOf(byId.keySet());
        Map<String, Set<String>> before = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            before.putAll(alertRecords.keysSince(ids.subList(from, Math.min(ids.size(), from + 1000)), dayStart));
        }
        int raised = 0;
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            Challenge challenge = subjects.get(i) == null ? null : byId.get(subjects.get(i));
            String key = dedupeKey(finding);
            if (challenge == null) {
                LOG.log(Level.FINE, "Surveillance finding with no account to raise it on: {0}", finding.traders());
            } else if (!before.getOrDefault(challenge.id(), Set.of()).contains(key)) {
                LiveMessage message = alerts.add(challenge, finding.kind().name(), Alert.Severity.WARNING, key,
                        message(finding), new AlertData.Surveilled(finding), now);
                // to the ops channel only, after the commit; not to the challenge's watchers, nor to webhooks
                changes.fire(StaffOnlyChanges.of(challenge, List.of(message)));
                raised++;
            }
        }
        return raised;
    }

    @Override
    public int forgetAddresses(Instant now) {
        return surveillance.deleteSignInsBefore(now.minus(addressRetentionDays, ChronoUnit.DAYS));
    }

    /** The first of its accounts; for a shared address seen only at sign-ins, the oldest challenge of its traders. */
    private Optional<String> subjectId(Finding finding) {
        if (!finding.accounts().isEmpty()) {
            return Optional.of(finding.accounts().first());
        }
        Map<String, String> any = surveillance.anyChallengeOf(List.copyOf(finding.traders()));
        return finding.traders().stream().filter(any::containsKey).findFirst().map(any::get);
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
