package ai.tradesense.application.internal;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.tradesense.application.outbound.Backoff;

/** The {@code tradesense.webhooks.*} settings (defaults in microprofile-config.properties). */
@ApplicationScoped
class WebhookSettings {

    @Inject
    @ConfigProperty(name = "tradesense.webhooks.max-attempts", defaultValue = "12")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "tradesense.webhooks.base-delay-seconds", defaultValue = "5")
    int baseDelaySeconds;

    @Inject
    @ConfigProperty(name = "tradesense.webhooks.max-delay-seconds", defaultValue = "3600")
    int maxDelaySeconds;

    @Inject
    @ConfigProperty(name = "tradesense.webhooks.source", defaultValue = "/tradesense")
    String source;

    @Inject
    @ConfigProperty(name = "tradesense.webhooks.secret-grace-hours", defaultValue = "24")
    int secretGraceHours;

    @Inject
    @ConfigProperty(name = "tradesense.webhooks.claim-seconds", defaultValue = "120")
    int claimSeconds;

    Backoff backoff() {
        return new Backoff(maxAttempts, Duration.ofSeconds(baseDelaySeconds),
                Duration.ofSeconds(Math.max(maxDelaySeconds, baseDelaySeconds)));
    }

    String source() {
        return source;
    }

    Duration secretGrace() {
        return Duration.ofHours(secretGraceHours);
    }

    /** How long a claimed delivery is left to the worker that took it. */
    Duration claim() {
        return Duration.ofSeconds(claimSeconds);
    }
}
