package ai.tradesense.interfaces.rest.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import ai.tradesense.application.outbound.WebhookAdmin;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.StrictJson;

/** Webhook subscriptions and deliveries on the wire; never a secret except the one just issued. */
final class WebhookJson {

    static final Set<String> SUBSCRIPTION_FIELDS = Set.of("url", "eventTypes", "description", "active", "secret");

    private WebhookJson() {
    }

    static WebhookAdmin.SubscriptionRequest request(String body) {
        StrictJson json = new StrictJson();
        StrictJson.Obj request = json.object(StrictJson.parse(body), "", SUBSCRIPTION_FIELDS);
        json.throwIfInvalid();
        String url = request.string("url", true, null);
        JsonArray array = request.array("eventTypes", true);
        List<String> types = new ArrayList<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) instanceof JsonString type) {
                    types.add(type.getString());
                } else {
                    json.violation("eventTypes[" + i + "]", Kind.TYPE, "must be an event type name");
                }
            }
        }
        String description = request.string("description", false, null);
        Boolean active = request.has("active") ? request.bool("active", true) : null;
        String secret = request.string("secret", false, null);
        json.throwIfInvalid();
        return new WebhookAdmin.SubscriptionRequest(url, types, description, active, secret);
    }

    static JsonObject subscription(WebhookAdmin.SubscriptionView s) {
        var types = Json.createArrayBuilder();
        s.eventTypes().forEach(types::add);
        var keys = Json.createArrayBuilder();
        s.keys().forEach(k -> {
            JsonObjectBuilder key = Json.createObjectBuilder().add("keyId", k.keyId())
                    .add("createdAt", k.createdAt().toString());
            time(key, "retiredAt", k.retiredAt());
            keys.add(key);
        });
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", s.id()).add("url", s.url()).add("eventTypes", types);
        if (s.description() != null) {
            json.add("description", s.description());
        }
        return json.add("active", s.active()).add("createdAt", s.createdAt().toString())
                .add("updatedAt", s.updatedAt().toString()).add("keys", keys).build();
    }

    static JsonObject secret(WebhookAdmin.IssuedSecret secret) {
        return Json.createObjectBuilder().add("keyId", secret.keyId()).add("secret", secret.secret()).build();
    }

    static JsonObject delivery(WebhookAdmin.DeliveryView d) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", d.id()).add("subscriptionId", d.subscriptionId())
                .add("eventId", d.eventId());
        text(json, "eventType", d.eventType());
        text(json, "subject", d.subject());
        json.add("status", d.status().name()).add("attempts", d.attempts())
            .add("nextAttemptAt", d.nextAttemptAt().toString());
        if (d.lastStatus() != null) {
            json.add("lastStatus", d.lastStatus());
        }
        text(json, "lastError", d.lastError());
        json.add("createdAt", d.createdAt().toString());
        time(json, "deliveredAt", d.deliveredAt());
        return json.build();
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static void time(JsonObjectBuilder json, String name, Instant value) {
        if (value != null) {
            json.add(name, value.toString());
        }
    }
}
