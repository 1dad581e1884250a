package ai.tradesense.interfaces.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.tradesense.application.RateLimiter;
import ai.tradesense.application.security.Caller;
import ai.tradesense.application.security.Role;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.interfaces.rest.problem.Problem;

/**
 * Rate limits, counted in Redis so they hold across API nodes (in-process in embedded mode or while
 * Redis is down): sign-in and registration per client address and per email, everything else per
 * signed-in caller (with a higher limit for platform keys). Over the limit: 429 with Retry-After.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class RateLimitFilter implements ContainerRequestFilter {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final int MAX_PEEK = 16 * 1024;

    @Inject
    RateLimiter limiter;

    @Inject
    @ConfigProperty(name = "tradesense.ratelimit.auth-per-ip-per-minute", defaultValue = "30")
    int authPerIp;

    @Inject
    @ConfigProperty(name = "tradesense.ratelimit.auth-per-email-per-minute", defaultValue = "10")
    int authPerEmail;

    @Inject
    @ConfigProperty(name = "tradesense.ratelimit.api-per-caller-per-minute", defaultValue = "6000")
    int apiPerCaller;

    /** A platform bridge reports for many accounts at once, so its key has a limit of its own. */
    @Inject
    @ConfigProperty(name = "tradesense.ratelimit.platform-per-minute", defaultValue = "600000")
    int platformPerMinute;

    /** Requests per minute to the bridge endpoint (each up to 10,000 events), per key. */
    @Inject
    @ConfigProperty(name = "tradesense.ratelimit.bridge-per-minute", defaultValue = "6000")
    int bridgePerMinute;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    ClientAddresses clientAddresses;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("auth/login") || path.startsWith("auth/register") || path.startsWith("auth/refresh")) {
            String action = path.substring("auth/".length());
            String client = clientAddresses.of(servletRequest);
            if (over(request, "auth:" + action + ":ip:" + client, authPerIp)) {
                return;
            }
            String email = peekEmail(request);
            if (email != null) {
                over(request, "auth:" + action + ":email:" + email, authPerEmail);
            }
            return;
        }
        Object caller = servletRequest.getAttribute(TokenAuthenticationMechanism.CALLER);
        if (caller instanceof Caller signedIn && (path.equals("events") || path.equals("events/"))) {
            over(request, "bridge:caller:" + signedIn.id(), bridgePerMinute);
        } else if (caller instanceof Caller signedIn) {
            over(request, "api:caller:" + signedIn.id(), signedIn.is(Role.PLATFORM) ? platformPerMinute : apiPerCaller);
        }
    }

    private boolean over(ContainerRequestContext request, String bucket, int limit) {
        RateLimiter.Decision decision = limiter.hit(bucket, limit, MINUTE);
        if (decision.allowed()) {
            return false;
        }
        request.abortWith(new Problem("too-many-requests", 429, "Too Many Requests",
                        "too many requests; retry after " + decision.retryAfterSeconds() + " s", List.of())
                .toResponseBuilder(request.getUriInfo().getRequestUri().getPath())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()))
                .build());
        return true;
    }

    /** The email of a sign-in or registration body, lower-cased; the body stays readable for the resource. */
    private static String peekEmail(ContainerRequestContext request) throws IOException {
        byte[] body = request.getEntityStream().readNBytes(MAX_PEEK + 1);
        request.setEntityStream(new ByteArrayInputStream(body));
        if (body.length > MAX_PEEK) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            JsonObject json = reader.readObject();
            return json.get("email") instanceof JsonString email ? email.getString().strip().toLowerCase(Locale.ROOT) : null;
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return null;
        }
    }
}
