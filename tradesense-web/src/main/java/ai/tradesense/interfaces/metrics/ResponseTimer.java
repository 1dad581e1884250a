package ai.tradesense.interfaces.metrics;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Times every REST call into {@code api_response_duration_seconds}, tagged with the method and the
 * status class (2xx, 4xx, 5xx), including calls that were refused before reaching a resource.
 */
@Provider
@PreMatching
@Priority(Priorities.USER - 1000)
public class ResponseTimer implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = ResponseTimer.class.getName() + ".started";
    private static final Metadata METADATA = Metadata.builder()
            .withName("api_response_duration")
            .withDescription("Time to answer a REST API call")
            .withUnit(MetricUnits.SECONDS)
            .build();

    @Inject
    MetricRegistry registry;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (started instanceof Long start) {
            timer(registry, request.getMethod(), response.getStatus() / 100 + "xx")
                    .update(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The series for a method and a status class, registered on first use. */
    static Timer timer(MetricRegistry registry, String method, String statusClass) {
        return registry.timer(METADATA, new Tag("method", method), new Tag("status", statusClass));
    }

    /** The series a dashboard expects, present at 0 from start-up rather than after the first call. */
    static void registerCommonSeries(MetricRegistry registry) {
        for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
            for (String statusClass : List.of("2xx", "4xx", "5xx")) {
                timer(registry, method, statusClass);
            }
        }
    }
}
