package ai.tradesense.infrastructure.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.tradesense.application.outbound.WebhookTransport;

/** Webhook requests with the JDK's HTTP client: short timeouts, no redirects followed, the answer's body ignored. */
@ApplicationScoped
public class JdkWebhookTransport implements WebhookTransport {

    @Inject
    @ConfigProperty(name = "tradesense.webhooks.connect-timeout-ms", defaultValue = "2000")
    int connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "tradesense.webhooks.request-timeout-ms", defaultValue = "5000")
    int requestTimeoutMs;

    private HttpClient client;

    @PostConstruct
    void open() {
        client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(connectTimeoutMs))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Response post(URI url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofMillis(requestTimeoutMs))
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("User-Agent", "TradeSense-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Response(response.statusCode(), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Response(0, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, "interrupted");
        }
    }
}
