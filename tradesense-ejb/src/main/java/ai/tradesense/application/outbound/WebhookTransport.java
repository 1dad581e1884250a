package ai.tradesense.application.outbound;

import java.net.URI;
import java.util.Map;

/** Sends one webhook request: the port to an HTTP client with short timeouts. */
public interface WebhookTransport {

    /** What the receiver answered: its status, or 0 and why no answer came. */
    record Response(int status, String error) {

        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    /** POSTs {@code body} as {@code application/cloudevents+json}; never throws for a receiver's fault. */
    Response post(URI url, Map<String, String> headers, String body);
}
