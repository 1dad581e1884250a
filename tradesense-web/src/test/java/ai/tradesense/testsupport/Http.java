package ai.tradesense.testsupport;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** A small HTTP client for black-box tests: JSON in, status, headers and JSON out. */
public final class Http {

    /** An answer: status, content type, Location, body. */
    public record Answer(int status, String contentType, Optional<String> location, String body,
                         HttpResponse<String> raw) {

        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpClient client = CLIENT;
    private final URI base;
    private final Map<String, String> headers;

    public Http(URI base) {
        this(base, Map.of());
    }

    private Http(URI base, Map<String, String> headers) {
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    /** The same client, sending this header on every request. */
    public Http with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new Http(base, more);
    }

    /** Signed in with an access token. */
    public Http bearer(String accessToken) {
        return with("Authorization", "Bearer " + accessToken);
    }

    /** Signed in as the trading platform, with an API key. */
    public Http apiKey(String key) {
        return with("X-API-Key", key);
    }

    /** The value of a header this client sends, e.g. its Authorization. */
    public String header(String name) {
        return headers.get(name);
    }

    /** Without any credentials. */
    public Http anonymous() {
        return new Http(base);
    }

    public URI base() {
        return base;
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).GET());
    }

    public Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer put(String path, String json) {
        return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).DELETE());
    }

    public Answer send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location"), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private URI resolve(String path) {
        return path.startsWith("http") ? URI.create(path) : base.resolve(path);
    }
}
