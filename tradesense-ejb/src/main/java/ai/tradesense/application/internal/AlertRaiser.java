package ai.tradesense.application.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import ai.tradesense.application.risk.AlertView;
import ai.tradesense.infrastructure.json.AlertJson;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.PlainNumber;
import ai.tradesense.domain.model.alert.Alert;
import ai.tradesense.domain.model.alert.AlertRepository;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.rules.Failure;

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
    Optional<JsonObject> failed(Challenge challenge, Instant now) {
        Failure failure = challenge.account().failure();
        var data = Json.createObjectBuilder().add("rule", failure.rule().name()).add("at", failure.at().toString());
        if (failure.floor() != null) {
            data.add("floor", PlainNumber.of(failure.floor()));
        }
        if (failure.equity() != null) {
            data.add("equity", PlainNumber.of(failure.equity()));
        }
        return raise(challenge, "FAILED", Alert.Severity.CRITICAL, "FAILED:" + failure.at(),
                "Challenge failed: " + failure.rule() + " at " + failure.at(), data.build(), now);
    }

    /**
     * Stores the alert unless one with the same key exists.
     *
     * @return the live message, or empty when it was raised before
     */
    Optional<JsonObject> raise(Challenge challenge, String kind, Alert.Severity severity, String dedupeKey,
                               String message, JsonObject data, Instant now) {
        if (alerts.exists(challenge.id(), dedupeKey)) {
            return Optional.empty();
        }
        JsonObject stored = Json.createObjectBuilder(data).add("traderId", challenge.traderId())
                .add("planCode", challenge.planCode()).build();
        Alert alert = new Alert(UUID.randomUUID().toString(), challenge.id(), kind, severity, dedupeKey, message,
                AlertJson.readData(stored), now);
        alerts.add(alert);
        LOG.log(Level.INFO, "Alert {0} on challenge {1}: {2}", new Object[] {kind, challenge.id(), message});
        return Optional.of(DefaultChallengeService.message("ALERT", challenge, now, AlertJson.write(AlertView.of(alert))));
    }
}
