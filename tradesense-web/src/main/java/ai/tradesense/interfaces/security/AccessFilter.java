package ai.tradesense.interfaces.security;

import java.lang.reflect.Method;
import java.util.Arrays;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import ai.tradesense.application.security.Caller;
import ai.tradesense.interfaces.rest.problem.Problem;

/**
 * Secure by default: every REST method needs a signed-in caller unless marked {@link Public}, and
 * one of the roles of its {@link Allow}, if it has one. 401 for no or bad credentials, 403 for a
 * role that may not.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null || method.isAnnotationPresent(Public.class) || type.isAnnotationPresent(Public.class)) {
            return;
        }
        Object caller = servletRequest.getAttribute(TokenAuthenticationMechanism.CALLER);
        if (!(caller instanceof Caller) && servletRequest.getAttribute(TokenAuthenticationMechanism.UNAVAILABLE) != null) {
            request.abortWith(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "database-unavailable",
                    "credentials cannot be checked while the database is unavailable; retry shortly")
                    .toResponseBuilder(request.getUriInfo().getRequestUri().getPath())
                    .header(HttpHeaders.RETRY_AFTER, "5").build());
            return;
        }
        if (!(caller instanceof Caller signedIn)) {
            boolean rejected = servletRequest.getAttribute(TokenAuthenticationMechanism.REJECTED) != null;
            request.abortWith(Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", rejected
                            ? "the access token or API key is not valid or has expired"
                            : "sign in: send Authorization: Bearer <access token> (or X-API-Key for the platform)")
                    .toResponseBuilder(request.getUriInfo().getRequestUri().getPath())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tradesense\"")
                    .build());
            return;
        }
        Allow allow = method.isAnnotationPresent(Allow.class) ? method.getAnnotation(Allow.class)
                : type.getAnnotation(Allow.class);
        if (allow != null && Arrays.stream(allow.value()).noneMatch(signedIn::is)) {
            request.abortWith(Problem.of(Response.Status.FORBIDDEN, "forbidden",
                            "this needs one of the roles " + Arrays.toString(allow.value()))
                    .toResponse(request.getUriInfo().getRequestUri().getPath()));
        }
    }
}
