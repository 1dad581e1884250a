package ai.tradesense.application.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.application.risk.AlertView;
import ai.tradesense.domain.model.alert.Alert;
import ai.tradesense.domain.model.alert.AlertData;
import ai.tradesense.domain.model.alert.AlertRepository;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.rules.ConductRule;
import ai.tradesense.domain.rules.Failure;
import ai.tradesense.domain.rules.Outcome;

/**
 * Raises an alert once per challenge and dedupe key, inside the caller's transaction, and answers the
 * {@code ALERT} live message to push after the commit.
 */
@ApplicationScoped
class AlertRaiser {

    private static final Logger LOG = Logger.getLogger(AlertRaiser.class.getName());

    @Inject
    AlertRepository alerts;

    /** The challenge failed; one alert per failure (a restored challenge that fails again raises another). */
    Optional<LiveMessage> failed(Challenge challenge, Instant now) {
        Failure failure = challenge.account().failure();
        return raise(challenge, "FAILED", Alert.Severity.CRITICAL, "FAILED:" + failure.at(),
                "Challenge failed: " + failure.rule() + " at " + failure.at(), new AlertData.Failed(failure.rule(), failure.at(), failure.floor(), failure.equity()), now);
    }

    /**
     * A conduct rule that flags (or excludes profit) was broken: a CONDUCT alert for staff to judge, once per
     * rule and trade (a weekend held twice is two alerts: the key then names the event).
     */
    Optional<LiveMessage> conduct(Challenge challenge, Outcome.ConductViolation violation, Instant now) {
        String trade = violation.tradeId().length() > 100 ? "#" + violation.tradeId().hashCode() : violation.tradeId();
        String key = "CONDUCT:" + violation.rule() + ":" + trade
                + (violation.rule() == ConductRule.WEEKEND_HOLDING ? ":" + challenge.seq() : "");
        return raise(challenge, "CONDUCT", Alert.Severity.WARNING, key,
                "Conduct rule " + violation.rule() + " broken by trade " + violation.tradeId() + " ("
                        + violation.action() + ")",
                new AlertData.ConductFlagged(violation.rule(), violation.tradeId(), violation.action()), now);
    }

    /**
     * Stores the alert unless one with the same key exists.
     *
     * @return the live message, or empty when it was raised before
     */
    Optional<LiveMessage> raise(Challenge challenge, String kind, Alert.Severity severity, String dedupeKey,
                                String message, AlertData.Figures figures, Instant now) {
        if (alerts.exists(challenge.id(), dedupeKey)) {
            return Optional.empty();
        }
        return Optional.of(add(challenge, kind, severity, dedupeKey, message, figures, now));
    }

    /**
     * Stores the alert; the caller knows no alert has its key yet (a look-up of many keys at once), and
     * {@code uq_alert_dedupe} refuses it should another transaction have raised it meanwhile.
     *
     * @return the live message to push after the commit
     */
    LiveMessage add(Challenge challenge, String kind, Alert.Severity severity, String dedupeKey, String message,
                    AlertData.Figures figures, Instant now) {
        Alert alert = new Alert(UUID.randomUUID().toString(), challenge.id(), kind, severity, dedupeKey, message,
                new AlertData(figures, challenge.traderId(), challenge.planCode()), now);
        alerts.add(alert);
        LOG.log(Level.INFO, "Alert {0} on challenge {1}: {2}", new Object[] {kind, challenge.id(), message});
        return new LiveMessage.Alert(challenge.id(), challenge.seq(), now, AlertView.of(alert));
    }
}
