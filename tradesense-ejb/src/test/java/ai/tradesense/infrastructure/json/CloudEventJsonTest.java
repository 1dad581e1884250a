package ai.tradesense.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.tradesense.application.outbound.CommandKind;
import ai.tradesense.application.outbound.Notice;
import ai.tradesense.application.outbound.PlatformCommandView;
import ai.tradesense.application.outbound.WebhookType;
import ai.tradesense.domain.rules.FailureRule;
import ai.tradesense.domain.rules.Outcome;

class CloudEventJsonTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private final CloudEventJson json = new CloudEventJson();

    private static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void envelopeIsStructuredCloudEvents10WithTheDataAsJson() {
        String data = json.data(new Notice(WebhookType.CHALLENGE_FAILED, "c-1", AT, new Notice.Changed("t-1",
                "two-step-100k", 7, new Outcome.Failed(FailureRule.DAILY_LOSS, AT, new BigDecimal("95000"),
                        new BigDecimal("94000")))));
        JsonObject event = parse(json.envelope("e-1", "/tradesense/firm", WebhookType.CHALLENGE_FAILED.cloudEventType(),
                "c-1", AT, data));

        assertThat(event.keySet()).containsExactlyInAnyOrder("specversion", "id", "source", "type", "subject", "time",
                "datacontenttype", "data");
        assertThat(event.getString("specversion")).isEqualTo("1.0");
        assertThat(event.getString("id")).isEqualTo("e-1");
        assertThat(event.getString("source")).isEqualTo("/tradesense/firm");
        assertThat(event.getString("type")).isEqualTo("ai.tradesense.challenge.failed");
        assertThat(event.getString("subject")).isEqualTo("c-1");
        assertThat(Instant.parse(event.getString("time"))).isEqualTo(AT);
        assertThat(event.getString("datacontenttype")).isEqualTo("application/json");
        JsonObject body = event.getJsonObject("data");
        assertThat(body.getString("challengeId")).isEqualTo("c-1");
        assertThat(body.getInt("seq")).isEqualTo(7);
        assertThat(body.getJsonObject("outcome").getString("type")).isEqualTo("FAILED");
        assertThat(body.getJsonObject("outcome").getString("rule")).isEqualTo("DAILY_LOSS");
    }

    @Test
    void theSameEntryGivesTheSameBodyOnEveryAttempt() {
        String data = json.data(new Notice(WebhookType.CHALLENGE_STARTED, "c-2", AT,
                new Notice.Started("t-2", "one-step-50k", 3, AT)));
        assertThat(json.envelope("e-2", "/tradesense", "ai.tradesense.challenge.started", "c-2", AT, data))
                .isEqualTo(json.envelope("e-2", "/tradesense", "ai.tradesense.challenge.started", "c-2", AT, data));
        assertThat(parse(data).getInt("planVersion")).isEqualTo(3);
    }

    @Test
    void aSuspensionCarriesItsEndAndADisableHasNone() {
        Instant until = Instant.parse("2026-03-02T22:00:00Z");
        JsonObject suspend = CloudEventJson.command(new PlatformCommandView(5, "c-3", CommandKind.CLOSE_ALL_AND_SUSPEND,
                until, "DAILY_LOSS", "e-5", AT, null, null));
        JsonObject disable = CloudEventJson.command(new PlatformCommandView(6, "c-3", CommandKind.CLOSE_ALL_AND_DISABLE,
                null, "MAX_LOSS", "e-6", AT, null, null));
        assertThat(suspend.getString("command")).isEqualTo("CLOSE_ALL_AND_SUSPEND");
        assertThat(Instant.parse(suspend.getString("until"))).isEqualTo(until);
        assertThat(suspend.getJsonNumber("seq").longValue()).isEqualTo(5);
        assertThat(disable.containsKey("until")).isFalse();
        assertThat(disable.containsKey("acknowledgedAt")).isFalse();
        assertThat(disable.getString("eventId")).isEqualTo("e-6");
    }
}
