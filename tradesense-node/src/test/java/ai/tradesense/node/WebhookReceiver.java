package ai.tradesense.node;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A firm's webhook endpoint for system tests: on a port chosen up front and not listening until started
 * (so it is "down"), it answers 500 to its first {@code failures} requests, then 204, and keeps every request.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, and what it was answered. */
    record Received(String id, String timestamp, String signature, String contentType, String body, int answered) { }

    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer server;

    WebhookReceiver(int port) {
        this.port = port;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/hooks/tradesense");
    }

    /** Starts listening: the first {@code failures} requests are answered 500. */
    void start(int failures) throws IOException {
        failuresLeft.set(failures);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/hooks/tradesense", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
        var headers = exchange.getRequestHeaders();
        received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                headers.getFirst("webhook-signature"), headers.getFirst("Content-Type"), body, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
