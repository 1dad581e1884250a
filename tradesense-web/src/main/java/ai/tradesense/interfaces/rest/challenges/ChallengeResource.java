package ai.tradesense.interfaces.rest.challenges;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import ai.tradesense.application.challenge.AuditTrail;
import ai.tradesense.application.challenge.ChallengeLifecycle;
import ai.tradesense.application.challenge.ChallengeSnapshot;
import ai.tradesense.application.challenge.EventIngestion;
import ai.tradesense.application.challenge.ManualActions;
import ai.tradesense.application.risk.StatsService;
import ai.tradesense.application.security.Role;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.Page;
import ai.tradesense.infrastructure.json.StrictJson;
import ai.tradesense.domain.rules.ChallengeStatus;
import ai.tradesense.interfaces.rest.PageDto;
import ai.tradesense.interfaces.rest.Paging;
import ai.tradesense.interfaces.security.Allow;
import ai.tradesense.interfaces.security.CurrentCaller;

/**
 * Challenges: start one, read them, feed them events, act on them by hand, read their events and audit
 * trail. Who may see which challenge is the service's decision; a challenge one may not see is 404.
 * One instance serves every request (no per-request state): making and injecting one per request
 * was a sixth of a single event's time on the request thread.
 */
@Path("challenges")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ChallengeResource {

    /** Set on an answer to an event seen before (its first entry, the current state). */
    static final String REPLAY_HEADER = "Idempotent-Replay";
    private static final Set<String> START_FIELDS = Set.of("planCode", "traderId", "startAt");
    private static final Set<String> ACTION_FIELDS = Set.of("action", "reason", "until", "days");
    private static final int MAX_LIST = 1_000;

    @Inject
    ChallengeLifecycle challenges;

    @Inject
    EventIngestion ingestion;

    @Inject
    ManualActions actions;

    @Inject
    AuditTrail trail;

    @Inject
    StatsService stats;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TRADER, Role.ADMIN})
    public Response start(String body, @Context UriInfo uriInfo) {
        StrictJson json = new StrictJson();
        StrictJson.Obj request = json.object(StrictJson.parse(body), "", START_FIELDS);
        json.throwIfInvalid();
        String planCode = request.string("planCode", true, null);
        String traderId = request.string("traderId", false, null);
        String startAt = request.string("startAt", false, null);
        json.throwIfInvalid();
        ChallengeSnapshot started = challenges.start(caller.get(), planCode, traderId, instant("startAt", startAt));
        return Response.created(uriInfo.getBaseUriBuilder().path(ChallengeResource.class).path(started.id()).build())
                .entity(ChallengeAnswers.snapshot(started).toString()).build();
    }

    @GET
    @Path("{id}")
    public String find(@PathParam("id") String id) {
        return ChallengeAnswers.snapshot(challenges.find(caller.get(), id)).toString();
    }

    @GET
    @Allow({Role.TRADER, Role.RISK, Role.ADMIN})
    public String list(@QueryParam("status") String status, @QueryParam("plan") String plan,
                       @QueryParam("trader") String trader, @QueryParam("page") String page,
                       @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        Page<ChallengeSnapshot> found = challenges.list(caller.get(), status(status), blankToNull(plan), blankToNull(trader),
                paging.page(), paging.size());
        return PageDto.json(found.map(ChallengeAnswers::snapshot));
    }

    @POST
    @Path("{id}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.PLATFORM, Role.ADMIN})
    public void ingest(@PathParam("id") String id, String body, @Suspended AsyncResponse response) {
        // The request thread is not held while the events wait for their shared transaction.
        ingestion.ingest(caller.get(), id, EventRequests.read(body)).whenComplete((answer, failure) -> {
            if (failure != null) {
                response.resume(EventRequests.cause(failure));
            } else {
                response.resume(Response.ok(ChallengeAnswers.ingest(answer))
                        .header(REPLAY_HEADER, Boolean.toString(answer.replay())).build());
            }
        });
    }

    @GET
    @Path("{id}/events")
    public String events(@PathParam("id") String id, @QueryParam("after") String after,
                         @QueryParam("limit") String limit) {
        long afterSeq = Paging.integer("after", after, 0, 0, Integer.MAX_VALUE);
        return ChallengeAnswers.events(
                trail.events(caller.get(), id, afterSeq, Paging.integer("limit", limit, 100, 1, MAX_LIST)), afterSeq);
    }

    @GET
    @Path("{id}/audit")
    public String audit(@PathParam("id") String id, @QueryParam("after") String after,
                        @QueryParam("limit") String limit) {
        long afterSeq = Paging.integer("after", after, 0, 0, Integer.MAX_VALUE);
        return ChallengeAnswers.audit(
                trail.audit(caller.get(), id, afterSeq, Paging.integer("limit", limit, 100, 1, MAX_LIST)), afterSeq);
    }

    @GET
    @Path("{id}/stats")
    public String stats(@PathParam("id") String id) {
        return ChallengeStatsJson.write(stats.stats(caller.get(), id)).toString();
    }

    @GET
    @Path("{id}/audit/verify")
    public String verify(@PathParam("id") String id) {
        return ChallengeAnswers.verification(trail.verify(caller.get(), id));
    }

    @POST
    @Path("{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.ADMIN, Role.RISK})
    public String act(@PathParam("id") String id, String body) {
        StrictJson json = new StrictJson();
        StrictJson.Obj request = json.object(StrictJson.parse(body), "", ACTION_FIELDS);
        json.throwIfInvalid();
        ManualActions.Action action = request.enumValue("action", ManualActions.Action.class, null);
        if (action == null && !request.has("action")) {
            json.violation("action", Kind.VALUE, "is required: one of " + List.of(ManualActions.Action.values()));
        }
        String reason = request.string("reason", true, null);
        String until = request.string("until", false, null);
        Integer days = request.integer("days", null, 1, 3650);
        json.throwIfInvalid();
        return ChallengeAnswers.snapshot(actions.act(caller.get(), id, action, reason, instant("until", until), days))
                .toString();
    }

    private static ChallengeStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ChallengeStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("status", Kind.TYPE, "must be one of " + List.of(ChallengeStatus.values()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, Kind.VALUE, "must be an ISO-8601 instant such as 2026-03-02T00:00:00Z");
        }
    }
}
