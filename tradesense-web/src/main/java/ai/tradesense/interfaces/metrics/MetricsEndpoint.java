package ai.tradesense.interfaces.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * {@code /metrics} on an API node: Payara's exposition, read from where the node's pre-boot commands moved
 * it ({@code /payara-metrics}), repaired by {@link PrometheusText} so a real Prometheus reads every
 * duration in seconds. Where Payara's endpoint was not moved it keeps {@code /metrics} itself, as a longer
 * context root wins over this servlet.
 */
@WebServlet(name = "metrics", urlPatterns = "/metrics/*")
public class MetricsEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MetricsEndpoint.class.getName());
    static final String PAYARA_ENDPOINT = "payara-metrics";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final transient HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    transient MetricRegistry registry;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = request.getPathInfo() == null ? "" : request.getPathInfo();
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        URI source = URI.create("http://127.0.0.1:" + request.getLocalPort() + "/" + PAYARA_ENDPOINT + rest + query);
        HttpRequest.Builder read = HttpRequest.newBuilder(source).timeout(TIMEOUT).GET()
                .header("Accept", "text/plain");
        HttpResponse<String> payara;
        try {
            payara = http.send(read.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "interrupted");
            return;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Payara''s metrics could not be read from {0}: {1}", new Object[] {source, e.getMessage()});
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "metrics unavailable");
            return;
        }
        response.setStatus(payara.statusCode());
        response.setContentType(payara.headers().firstValue("Content-Type").orElse("text/plain; version=0.0.4"));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String body = payara.statusCode() == 200 ? PrometheusText.repair(payara.body(), timers()) : payara.body();
        response.getWriter().write(body);
    }

    /** The exposed names of this application's Timers: name, then the unit Payara appends. */
    private Set<String> timers() {
        return registry.getTimers().keySet().stream().map(id -> id.getName() + "_seconds").collect(Collectors.toSet());
    }
}
