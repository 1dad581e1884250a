package ai.tradesense.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** A WebSocket client for the live channels: keeps every text message as JSON, and the close code. */
public final class LiveClient implements WebSocket.Listener {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private LiveClient() {
    }

    /** Connects to a {@code ws://} address, e.g. {@code ws://127.0.0.1:8080/ws/ops?access_token=...}. */
    public static LiveClient connect(URI uri) throws Exception {
        LiveClient client = new LiveClient();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT)
                .buildAsync(uri, client).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(Json.createReader(new StringReader(partial.toString())).readObject());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** The next message; fails when none comes within {@link #WAIT}. */
    public JsonObject next() throws InterruptedException {
        JsonObject message = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(message).as("a live message within " + WAIT.toSeconds() + " s").isNotNull();
        return message;
    }

    /** The next message of a type, skipping others; fails when none comes within {@code within}. */
    public JsonObject next(String type, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            JsonObject message = messages.poll(1, TimeUnit.SECONDS);
            if (message != null && type.equals(message.getString("type"))) {
                return message;
            }
        }
        throw new AssertionError("no " + type + " message within " + within.toSeconds() + " s");
    }

    /** The next message if one comes within a second, else null. */
    public JsonObject poll() {
        try {
            return messages.poll(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** What was received and not taken yet. */
    public List<JsonObject> received() {
        return List.copyOf(messages);
    }

    /** Completes with the close code the server sent. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    public WebSocket socket() {
        return socket;
    }
}
