package ai.tradesense.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import ai.tradesense.application.NodeStatus;
import ai.tradesense.interfaces.rest.problem.Problem;

/**
 * No API call touches a database whose schema is not current: until the migration has run (the
 * database was down at start-up) every call answers 503 with a problem document and Retry-After.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class DatabaseGate implements ContainerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    @Inject
    NodeStatus node;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!node.databaseReady()) {
            request.abortWith(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "database-unavailable",
                            "the database is unavailable or not migrated yet; retry shortly")
                    .toResponseBuilder(request.getUriInfo().getRequestUri().getPath())
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .build());
        }
    }
}
