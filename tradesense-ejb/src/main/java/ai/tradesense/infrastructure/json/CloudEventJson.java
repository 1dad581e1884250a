package ai.tradesense.infrastructure.json;

import java.io.StringReader;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import ai.tradesense.application.outbound.CloudEvents;
import ai.tradesense.application.outbound.Notice;
import ai.tradesense.application.outbound.PlatformCommandView;
import ai.tradesense.application.payout.PayoutView;

/** Outbound events as CloudEvents 1.0 structured JSON (docs/webhooks.md). */
@ApplicationScoped
public class CloudEventJson implements CloudEvents {

    public static final String SPEC_VERSION = "1.0";

    @Override
    public String data(Notice notice) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("challengeId", notice.challengeId());
        Notice.Body body = notice.body();
        if (body instanceof Notice.Started started) {
            json.add("traderId", started.traderId())
                .add("planCode", started.planCode())
                .add("planVersion", started.planVersion())
                .add("startAt", started.startAt().toString());
        } else if (body instanceof Notice.Changed changed) {
            json.add("traderId", changed.traderId())
                .add("planCode", changed.planCode())
                .add("seq", changed.seq())
                .add("outcome", OutcomeJson.write(changed.outcome()));
        } else if (body instanceof Notice.AlertRaised raised) {
            json.add("alert", AlertJson.write(raised.alert()));
        } else if (body instanceof Notice.PayoutStep step) {
            json.add("payout", payout(step.payout()));
        } else if (body instanceof Notice.CommandIssued issued) {
            json.addAll(Json.createObjectBuilder(command(issued.command())));
        }
        return json.build().toString();
    }

    /** A payout's ledger row as the {@code payout.*} webhooks show it; exact money as plain decimals. */
    static JsonObject payout(PayoutView p) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", p.id())
                .add("traderId", p.traderId())
                .add("planCode", p.planCode())
                .add("currency", p.currency())
                .add("amount", p.amount())
                .add("status", p.status().name())
                .add("requestedAt", p.requestedAt().toString())
                .add("requestedBy", p.requestedBy());
        if (p.traderShare() != null) {
            json.add("traderShare", p.traderShare()).add("firmShare", p.firmShare());
        }
        if (p.decidedBy() != null) {
            json.add("decidedBy", p.decidedBy());
        }
        if (p.paidAt() != null) {
            json.add("paidAt", p.paidAt().toString());
        }
        return json.build();
    }

    /** A command as the pull API and the {@code platform.command} webhook show it. */
    public static JsonObject command(PlatformCommandView command) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("seq", command.seq())
                .add("challengeId", command.challengeId())
                .add("command", command.command().name());
        if (command.until() != null) {
            json.add("until", command.until().toString());
        }
        json.add("reason", command.reason())
            .add("eventId", command.eventId())
            .add("createdAt", command.createdAt().toString());
        if (command.acknowledgedAt() != null) {
            json.add("acknowledgedAt", command.acknowledgedAt().toString())
                .add("acknowledgedBy", command.acknowledgedBy());
        }
        return json.build();
    }

    @Override
    public String envelope(String id, String source, String type, String subject, Instant time, String data) {
        JsonObject payload;
        try (var reader = Json.createReader(new StringReader(data))) {
            payload = reader.readObject();
        }
        return Json.createObjectBuilder()
                .add("specversion", SPEC_VERSION)
                .add("id", id)
                .add("source", source)
                .add("type", type)
                .add("subject", subject)
                .add("time", time.toString())
                .add("datacontenttype", "application/json")
                .add("data", payload)
                .build().toString();
    }
}
