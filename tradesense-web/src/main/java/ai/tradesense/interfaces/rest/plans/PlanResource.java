package ai.tradesense.interfaces.rest.plans;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import ai.tradesense.application.PlanService;
import ai.tradesense.application.security.Role;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.plan.Plan;
import ai.tradesense.domain.model.plan.PlanNotFoundException;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.PlanDocument;
import ai.tradesense.infrastructure.json.StrictJson;
import ai.tradesense.interfaces.rest.PageDto;
import ai.tradesense.interfaces.rest.Paging;
import ai.tradesense.interfaces.security.Allow;

/** Plans: admins publish (version 1) and revise (version n+1); every signed-in caller reads them. */
@Path("plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    @Inject
    PlanService plans;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Response publish(String document) {
        Plan plan = plans.publish(PlanDocument.read(StrictJson.parse(document), true));
        return Response.created(location(plan)).entity(PlanDto.of(plan)).build();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Response revise(@PathParam("code") String code, String document) {
        JsonValue json = StrictJson.parse(document);
        // An unknown plan is answered before the document's own mistakes, as it always was.
        if (!plans.exists(code)) {
            throw new PlanNotFoundException(code, null);
        }
        Plan plan = plans.revise(code, PlanDocument.read(withCode(json, code), true));
        return Response.ok(PlanDto.of(plan)).location(location(plan)).build();
    }

    @GET
    @Path("{code}")
    public PlanDto find(@PathParam("code") String code, @QueryParam("version") String version) {
        Integer wanted = version == null ? null : Paging.integer("version", version, 1, 1, Integer.MAX_VALUE);
        return PlanDto.of(plans.find(code, wanted));
    }

    @GET
    public PageDto<PlanDto> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        return PageDto.of(plans.list(paging.page(), paging.size()).map(PlanDto::of));
    }

    /** A revision may leave the code out; one that names a different code is a mistake. */
    private static JsonValue withCode(JsonValue json, String code) {
        if (!(json instanceof JsonObject object)) {
            return json;
        }
        if (object.containsKey("code") && !(object.get("code") instanceof JsonString given
                && given.getString().equals(code))) {
            throw InvalidInputException.of("code", Kind.VALUE, "must be '" + code + "', the plan being revised");
        }
        return Json.createObjectBuilder(object).add("code", code).build();
    }

    private URI location(Plan plan) {
        return uriInfo.getBaseUriBuilder().path(PlanResource.class).path(plan.code())
                .queryParam("version", plan.version()).build();
    }
}
