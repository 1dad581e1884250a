package ai.tradesense.application.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.tradesense.application.Housekeeping;
import ai.tradesense.application.risk.SurveillanceScan;
import ai.tradesense.application.risk.RiskMonitorService;
import ai.tradesense.application.risk.Shard;
import ai.tradesense.application.risk.ShardReport;
import ai.tradesense.domain.model.alert.AlertRepository;
import ai.tradesense.domain.model.challenge.ChallengeRepository;

@Stateless
public class DefaultRiskMonitorService implements RiskMonitorService {

    private static final Logger LOG = Logger.getLogger(DefaultRiskMonitorService.class.getName());
    /** Challenges attended in one transaction; a failure among them sends them through one by one. */
    static final int ATTEND_TOGETHER = 50;

    @Inject
    ChallengeRepository challenges;

    @Inject
    AlertRepository alerts;

    @Inject
    ChallengeWatch watch;

    @Inject
    Housekeeping housekeeping;

    @Inject
    SurveillanceScan surveillance;

    @Inject
    Clock clock;

    /** Levels of a floor's room used that raise an alert, in percent. */
    @Inject
    @ConfigProperty(name = "tradesense.worker.alert-levels", defaultValue = "80,95")
    String alertLevels;

    /** Open trades without an equity report for this long make a stale-feed alert. */
    @Inject
    @ConfigProperty(name = "tradesense.worker.stale-feed-minutes", defaultValue = "15")
    int staleFeedMinutes;

    @Inject
    @ConfigProperty(name = "tradesense.retention.acknowledged-alert-days", defaultValue = "180")
    int alertDays;

    @Inject
    @ConfigProperty(name = "tradesense.retention.refresh-token-days", defaultValue = "30")
    int refreshTokenDays;

    private List<Integer> levels;

    @PostConstruct
    void readLevels() {
        levels = AlertLevels.parse(alertLevels);
    }

    @Override
    public List<Shard> plan(Shard.Kind kind, String cycle, Instant now, int shardSize) {
        if (kind == Shard.Kind.SURVEIL) {
            return surveillance.plan(cycle, now);
        }
        List<String> ids = challenges.tradingIds(kind == Shard.Kind.RESET ? now : null);
        int count = (ids.size() + shardSize - 1) / shardSize;
        List<Shard> shards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<String> range = ids.subList(i * shardSize, Math.min(ids.size(), (i + 1) * shardSize));
            // Each shard ends where the next begins, the first is open below and the last above, so a
            // challenge started while the cycle runs still falls into exactly one shard.
            String from = i == 0 ? Shard.OPEN : range.get(0);
            String to = i == count - 1 ? Shard.OPEN : ids.get((i + 1) * shardSize);
            shards.add(new Shard(cycle, kind, i, count, from, to, range.size(), now));
        }
        return shards;
    }

    @Override
    public boolean resetsDue(Instant now) {
        return challenges.countDayDue(now) > 0;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ShardReport process(Shard shard) {
        if (shard.kind() == Shard.Kind.SURVEIL) {
            return surveil(shard);
        }
        Duration stale = Duration.ofMinutes(staleFeedMinutes);
        BigDecimal minUse = BigDecimal.valueOf(levels.get(0), 2);
        List<String> ids = watch.candidates(shard, minUse, stale);
        boolean resetOnly = shard.kind() == Shard.Kind.RESET;
        int ticks = 0;
        int raised = 0;
        int failures = 0;
        for (int from = 0; from < ids.size(); from += ATTEND_TOGETHER) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ATTEND_TOGETHER));
            try {
                ChallengeWatch.Attention attention = watch.attendAll(chunk, shard.at(), resetOnly, levels, stale);
                ticks += attention.ticks();
                raised += attention.alerts();
                continue;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Attending {0} challenges together failed ({1}); one by one now",
                        new Object[] {chunk.size(), rootMessage(e)});
            }
            for (String id : chunk) {
                try {
                    ChallengeWatch.Attention attention = watch.attend(id, shard.at(), resetOnly, levels, stale);
                    ticks += attention.ticks();
                    raised += attention.alerts();
                } catch (RuntimeException e) {
                    failures++;
                    LOG.log(Level.WARNING, "Challenge {0} could not be attended in shard {1}: {2}",
                            new Object[] {id, shard.name(), rootMessage(e)});
                }
            }
        }
        return new ShardReport(shard.size(), ids.size(), ticks, raised, failures);
    }

    /** One surveillance shard in its own transaction; one that fails is counted and done again by the next cycle. */
    private ShardReport surveil(Shard shard) {
        try {
            return surveillance.scan(shard);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Surveillance shard {0} ({1} on {2}) failed: {3}",
                    new Object[] {shard.name(), shard.fromId(), shard.toId(), rootMessage(e)});
            return new ShardReport(0, 0, 0, 0, 1);
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ShardReport takeSnapshots(int limit) {
        Instant now = clock.instant();
        List<String> ids = watch.withNewEvents(limit);
        int done = 0;
        int failures = 0;
        for (String id : ids) {
            try {
                watch.snapshot(id, now);
                done++;
            } catch (RuntimeException e) {
                failures++;
                LOG.log(Level.WARNING, "Snapshots of challenge {0} could not be taken: {1}",
                        new Object[] {id, rootMessage(e)});
            }
        }
        return new ShardReport(ids.size(), done, 0, 0, failures);
    }

    @Override
    public Map<String, Long> maintain(Instant now) {
        Map<String, Long> report = new LinkedHashMap<>();
        report.put("pruned.alerts", (long) alerts.deleteAcknowledgedBefore(now.minus(alertDays, ChronoUnit.DAYS)));
        report.put("pruned.refresh_tokens",
                (long) housekeeping.deleteSpentRefreshTokens(now.minus(refreshTokenDays, ChronoUnit.DAYS)));
        report.put("pruned.sign_in_addresses", (long) surveillance.forgetAddresses(now));
        report.putAll(housekeeping.tableSizes());
        return report;
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
