package ai.tradesense.interfaces.rest.challenges;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import ai.tradesense.application.challenge.ChallengeService;
import ai.tradesense.application.challenge.ChallengeSnapshot;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.model.StrictJson;
import ai.tradesense.domain.rules.ChallengeStatus;
import ai.tradesense.interfaces.rest.Paging;

/** Challenges: start one, read them, feed them events, read their events and audit trail. */
@Path("challenges")
@Produces(MediaType.APPLICATION_JSON)
public class ChallengeResource {

    /** Set on an answer that repeats the stored answer of an event seen before. */
    static final String REPLAY_HEADER = "Idempotent-Replay";
    private static final Set<String> START_FIELDS = Set.of("planCode", "traderId", "startAt");
    private static final int MAX_LIST = 1_000;

    @Inject
    ChallengeService challenges;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(String body) {
        StrictJson json = new StrictJson();
        StrictJson.Obj request = json.object(StrictJson.parse(body), "", START_FIELDS);
        json.throwIfInvalid();
        String planCode = request.string("planCode", true, null);
        String traderId = request.string("traderId", true, null);
        String startAt = request.string("startAt", false, null);
        json.throwIfInvalid();
        ChallengeSnapshot started = challenges.start(planCode, traderId, instant("startAt", startAt));
        return Response.created(uriInfo.getBaseUriBuilder().path(ChallengeResource.class).path(started.id()).build())
                .entity(started.toJson().toString()).build();
    }

    @GET
    @Path("{id}")
    public String find(@PathParam("id") String id) {
        return challenges.find(id).toJson().toString();
    }

    @GET
    public String list(@QueryParam("status") String status, @QueryParam("plan") String plan,
                       @QueryParam("trader") String trader, @QueryParam("page") String page,
                       @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        Page<ChallengeSnapshot> found = challenges.list(status(status), blankToNull(plan), blankToNull(trader),
                paging.page(), paging.size());
        JsonArrayBuilder items = Json.createArrayBuilder();
        found.items().forEach(c -> items.add(c.toJson()));
        return Json.createObjectBuilder().add("items", items).add("page", found.page()).add("size", found.size())
                .add("total", found.total()).build().toString();
    }

    @POST
    @Path("{id}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ingest(@PathParam("id") String id, String body) {
        ChallengeService.IngestAnswer answer = challenges.ingest(id, body, "platform");
        return Response.ok(answer.body().toString()).header(REPLAY_HEADER, Boolean.toString(answer.replay())).build();
    }

    @GET
    @Path("{id}/events")
    public String events(@PathParam("id") String id, @QueryParam("after") String after,
                         @QueryParam("limit") String limit) {
        long afterSeq = Paging.integer("after", after, 0, 0, Integer.MAX_VALUE);
        return list(challenges.events(id, afterSeq, Paging.integer("limit", limit, 100, 1, MAX_LIST)), afterSeq);
    }

    @GET
    @Path("{id}/audit")
    public String audit(@PathParam("id") String id, @QueryParam("after") String after,
                        @QueryParam("limit") String limit) {
        long afterSeq = Paging.integer("after", after, 0, 0, Integer.MAX_VALUE);
        return list(challenges.audit(id, afterSeq, Paging.integer("limit", limit, 100, 1, MAX_LIST)), afterSeq);
    }

    @GET
    @Path("{id}/audit/verify")
    public String verify(@PathParam("id") String id) {
        return challenges.verifyAudit(id).toString();
    }

    private static String list(List<JsonObject> items, long after) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(array::add);
        long last = items.isEmpty() ? after : items.get(items.size() - 1).getJsonNumber("seq").longValue();
        return Json.createObjectBuilder().add("items", array).add("after", after).add("last", last).build().toString();
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
