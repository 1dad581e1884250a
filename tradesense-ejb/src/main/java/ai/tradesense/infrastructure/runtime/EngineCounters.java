package ai.tradesense.infrastructure.runtime;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import ai.tradesense.application.challenge.ChallengeChanged;
import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.domain.rules.OutcomeType;

/**
 * What the engine did, counted from the committed changes (a rolled-back request counts nothing): events
 * applied (the platform's and the worker's ticks), breaches, passes, failures and alerts. Prometheus
 * shows them as {@code engine_events_applied_total} and so on, tagged {@code app} with the WAR that
 * counted them ({@code tradesense-web} for the API, {@code tradesense-batch} for the worker): a node
 * running both has one series of each, never two with the same labels.
 */
@ApplicationScoped
public class EngineCounters {

    @Inject
    MetricRegistry registry;

    @Resource(lookup = "java:app/AppName")
    String application;

    private Counter applied;
    private Counter breaches;
    private Counter passes;
    private Counter failures;
    private Counter alerts;

    private Counter counter(String name, String description) {
        return registry.counter(Metadata.builder().withName(name).withDescription(description).build(),
                new Tag("app", application == null ? "unknown" : application));
    }

    /** Registered at start, so a scrape shows them at zero before the first event (and rates work). */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registerOnce();
    }

    private synchronized void registerOnce() {
        if (applied == null) {
            applied = counter("engine_events_applied", "Events applied by the rule engine (platform events and worker ticks)");
            breaches = counter("engine_breaches", "Floors breached");
            passes = counter("engine_passes", "Phases passed (PHASE_PASSED and PASSED)");
            failures = counter("engine_failures", "Challenges failed");
            alerts = counter("engine_alerts", "Alerts raised for risk staff");
        }
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChallengeChanged change) {
        registerOnce();
        for (LiveMessage message : change.messages()) {
            if (message instanceof LiveMessage.EventApplied) {
                applied.inc();
            } else if (message instanceof LiveMessage.OutcomeReported reported) {
                OutcomeType type = reported.outcome().type();
                if (type == OutcomeType.BREACH) {
                    breaches.inc();
                } else if (type == OutcomeType.PHASE_PASSED || type == OutcomeType.PASSED) {
                    passes.inc();
                } else if (type == OutcomeType.FAILED) {
                    failures.inc();
                }
            } else if (message instanceof LiveMessage.Alert alert && !alert.acknowledged()) {
                alerts.inc();
            }
        }
    }
}
