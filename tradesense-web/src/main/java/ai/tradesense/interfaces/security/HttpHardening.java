package ai.tradesense.interfaces.security;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.tradesense.interfaces.rest.problem.Problem;

/**
 * What every API answer and request gets: a body size limit (413 beyond it; simulations and the
 * bridge's batches of up to 10,000 events may be larger), security headers, and CORS only for the origins configured in
 * {@code tradesense.cors.allowed-origins} (none by default: browsers on other origins are refused).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class HttpHardening implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    @ConfigProperty(name = "tradesense.http.max-body-bytes", defaultValue = "1048576")
    long maxBody;

    @Inject
    @ConfigProperty(name = "tradesense.http.max-simulation-body-bytes", defaultValue = "33554432")
    long maxSimulationBody;

    @Inject
    @ConfigProperty(name = "tradesense.cors.allowed-origins")
    Optional<String> allowedOrigins;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        long limit = path.startsWith("simulations") || path.equals("events") ? maxSimulationBody : maxBody;
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > limit) {
                    request.abortWith(tooLarge(limit));
                    return;
                }
            } catch (NumberFormatException e) {
                request.abortWith(Problem.of(Response.Status.BAD_REQUEST, "bad-request", "Content-Length is not a number")
                        .toResponse(null));
                return;
            }
        }
        request.setEntityStream(new LimitedStream(request.getEntityStream(), limit));
        String origin = request.getHeaderString("Origin");
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && origin != null) {
            request.abortWith(allowed(origin)
                    ? Response.noContent().build()
                    : Problem.of(Response.Status.FORBIDDEN, "cors", "this origin may not call the API").toResponse(null));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        headers.putSingle("Cache-Control", "no-store");
        if (request.getSecurityContext() != null && request.getSecurityContext().isSecure()) {
            headers.putSingle("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && allowed(origin)) {
            headers.putSingle("Access-Control-Allow-Origin", origin);
            headers.putSingle("Vary", "Origin");
            headers.putSingle("Access-Control-Allow-Headers", "Authorization, Content-Type, X-API-Key");
            headers.putSingle("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
            headers.putSingle("Access-Control-Expose-Headers", "Location, Retry-After, Idempotent-Replay");
            headers.putSingle("Access-Control-Max-Age", "600");
        }
    }

    private boolean allowed(String origin) {
        return allowedOrigins.map(list -> List.of(list.split(","))).orElse(List.of()).stream()
                .map(String::strip).anyMatch(origin::equals);
    }

    /** The rest of the body is not read, so the connection is closed after the answer. */
    private static Response tooLarge(long limit) {
        return new Problem("payload-too-large", 413, "Payload Too Large",
                "the request body is larger than " + limit + " bytes", List.of()).toResponseBuilder(null)
                .header("Connection", "close").build();
    }

    /** Ends a body that declared no length (or lied about it) once it passes the limit. */
    private static final class LimitedStream extends FilterInputStream {
        private final long limit;
        private long read;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new WebApplicationException(tooLarge(limit));
            }
        }
    }
}
