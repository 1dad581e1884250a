package ai.tradesense.interfaces.rest.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import ai.tradesense.application.challenge.CommitFailedException;
import ai.tradesense.application.challenge.EventOutOfOrderException;
import ai.tradesense.application.payout.PayoutApprovalConflictException;
import ai.tradesense.application.payout.PayoutNotEligibleException;
import ai.tradesense.application.security.AccessDeniedException;
import ai.tradesense.application.security.AuthenticationFailedException;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.alert.AlertAcknowledgedException;
import ai.tradesense.domain.model.alert.AlertNotFoundException;
import ai.tradesense.domain.model.calendar.ReleaseNotFoundException;
import ai.tradesense.domain.model.challenge.ChallengeNotFoundException;
import ai.tradesense.domain.model.identity.EmailTakenException;
import ai.tradesense.domain.model.identity.UserNotFoundException;
import ai.tradesense.domain.model.outbound.OutboundNotFoundException;
import ai.tradesense.domain.model.payout.PayoutDecidedException;
import ai.tradesense.domain.model.payout.PayoutNotFoundException;
import ai.tradesense.domain.model.plan.PlanNotFoundException;
import ai.tradesense.domain.model.plan.PlanVersionConflictException;
import ai.tradesense.domain.model.surveillance.TraderLinkNotFoundException;
import ai.tradesense.infrastructure.json.StrictJson;

/**
 * The one place where failures become HTTP answers: every error is {@code application/problem+json}
 * with the right status, and no stack trace or SQL ever leaves the node. Unexpected failures are
 * logged with an id that the answer repeats, so support can find them.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
    private static final int BAD_REQUEST = 400;
    /** RFC 9110: well-formed, but the values cannot be accepted. */
    private static final int UNPROCESSABLE_CONTENT = 422;

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable failure) {
        return problemFor(unwrap(failure)).toResponse(uriInfo == null ? null : uriInfo.getRequestUri().getPath());
    }

    /** The problem a failure answers; also the problem of one refused event in a bridge answer. */
    public static Problem problemFor(Throwable failure) {
        if (failure instanceof InvalidInputException invalid) {
            int status = invalid.isMalformed() ? BAD_REQUEST : UNPROCESSABLE_CONTENT;
            return new Problem("invalid-input", status,
                    invalid.isMalformed() ? "Malformed request" : "Invalid input", invalid.getMessage(),
                    invalid.violations().stream()
                            .map(v -> new Problem.FieldError(v.path(), v.message())).toList());
        }
        if (failure instanceof PayoutNotEligibleException notEligible) {
            // Each unmet condition is named as the "path" of its error, with its numbers as the message.
            return new Problem("payout-not-eligible", UNPROCESSABLE_CONTENT, "Payout not eligible",
                    notEligible.getMessage(), notEligible.eligibility().unmet().stream()
                            .map(c -> new Problem.FieldError(c.condition().name(), c.message())).toList());
        }
        if (failure instanceof PayoutDecidedException || failure instanceof PayoutApprovalConflictException) {
            return Problem.of(Status.CONFLICT, "conflict", failure.getMessage());
        }
        if (failure instanceof PayoutNotFoundException) {
            return Problem.of(Status.NOT_FOUND, "not-found", failure.getMessage());
        }
        if (failure instanceof EventOutOfOrderException outOfOrder) {
            return new Problem("event-out-of-order", 409, "Event out of order", outOfOrder.getMessage(),
                    List.of(new Problem.FieldError(outOfOrder.path(), outOfOrder.getMessage())));
        }
        if (failure instanceof AuthenticationFailedException) {
            return Problem.of(Status.UNAUTHORIZED, "unauthorized", failure.getMessage());
        }
        if (failure instanceof AccessDeniedException) {
            return Problem.of(Status.FORBIDDEN, "forbidden", failure.getMessage());
        }
        if (failure instanceof EmailTakenException) {
            return Problem.of(Status.CONFLICT, "conflict", failure.getMessage());
        }
        if (failure instanceof PlanNotFoundException || failure instanceof ChallengeNotFoundException
                || failure instanceof UserNotFoundException || failure instanceof AlertNotFoundException
                || failure instanceof OutboundNotFoundException
                || failure instanceof ReleaseNotFoundException || failure instanceof TraderLinkNotFoundException) {
            return Problem.of(Status.NOT_FOUND, "not-found", failure.getMessage());
        }
        if (failure instanceof PlanVersionConflictException || failure instanceof AlertAcknowledgedException) {
            return Problem.of(Status.CONFLICT, "conflict", failure.getMessage());
        }
        if (isTooDeeplyNested(failure)) {
            return new Problem("invalid-input", BAD_REQUEST, "Malformed request",
                    "the document is nested more than " + StrictJson.MAX_DEPTH + " levels deep", List.of());
        }
        if (failure instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return new Problem(slug(status), status.getStatusCode(), status.getReasonPhrase(),
                    describe(status), List.of());
        }
        if (isDatabaseUnavailable(failure)) {
            LOG.log(Level.WARNING, "Request failed, database unavailable: {0}", failure.getMessage());
            return Problem.of(Status.SERVICE_UNAVAILABLE, "database-unavailable",
                    "the database is unavailable; retry shortly");
        }
        if (failure instanceof CommitFailedException) {
            LOG.log(Level.WARNING, "Shared ingestion transaction failed: {0}", failure.getCause());
            return Problem.of(Status.SERVICE_UNAVAILABLE, "commit-failed", failure.getMessage());
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "internal-error",
                "an unexpected error occurred; incident " + incident);
    }

    private static String describe(Response.StatusType status) {
        return switch (status.getStatusCode()) {
            case 404 -> "no resource at this path";
            case 405 -> "this method is not allowed here";
            case 406 -> "this resource answers application/json";
            case 415 -> "send the body as application/json";
            default -> status.getReasonPhrase();
        };
    }

    private static String slug(Response.StatusType status) {
        return status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** EJB containers wrap what a bean throws; the cause is what happened. */
    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** JSON the provider refused for its depth, wherever in the chain it was read. */
    static boolean isTooDeeplyNested(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (StrictJson.isTooDeep(t)) {
                return true;
            }
        }
        return false;
    }

    /** A lost or refused connection anywhere in the chain, or the pool failing to give one. */
    static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // 08: the connection failed; 57P01-57P03: the server shut down or is not accepting yet (a failover).
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            String type = t.getClass().getName();
            if (type.endsWith("PoolingException") || type.endsWith("ResourceException")
                    || type.endsWith("ResourceAllocationException")) {
                return true;
            }
            if (t instanceof PersistenceException && t.getMessage() != null
                    && t.getMessage().contains("Unable to acquire a connection")) {
                return true;
            }
        }
        return false;
    }
}
