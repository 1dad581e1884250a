package ai.tradesense.interfaces.rest.surveillance;

import java.time.Clock;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.tradesense.application.risk.SurveillanceScan;
import ai.tradesense.application.risk.SurveillanceService;
import ai.tradesense.application.risk.TraderLinkView;
import ai.tradesense.application.security.Role;
import ai.tradesense.infrastructure.json.AlertJson;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.StrictJson;
import ai.tradesense.interfaces.rest.PageDto;
import ai.tradesense.interfaces.rest.Paging;
import ai.tradesense.interfaces.security.Allow;
import ai.tradesense.interfaces.security.CurrentCaller;

/**
 * Surveillance across accounts for risk staff: the findings (alerts of kinds COPY_TRADING, CROSS_HEDGE and
 * SHARED_IP with their evidence; dismiss one with {@code POST /alerts/{id}/ack} and a note), trader links, and
 * (for admins) a scan now.
 */
@Path("surveillance")
@Produces(MediaType.APPLICATION_JSON)
@Allow({Role.RISK, Role.ADMIN})
public class SurveillanceResource {

    private static final Set<String> LINK_FIELDS = Set.of("traderA", "traderB", "kind", "note");

    @Inject
    SurveillanceService surveillance;

    @Inject
    SurveillanceScan scans;

    @Inject
    Clock clock;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("findings")
    public String findings(@QueryParam("status") String status, @QueryParam("kind") String kind,
                           @QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        return PageDto.json(surveillance.findings(caller.get(), blankToNull(status), blankToNull(kind),
                paging.page(), paging.size()).map(AlertJson::write));
    }

    /** Runs a scan now, as the worker's job does every five minutes; answers what it read and raised. */
    @POST
    @Path("scans")
    @Allow(Role.ADMIN)
    public String scan() {
        SurveillanceScan.Report report = scans.scan(clock.instant());
        return Json.createObjectBuilder().add("days", report.days()).add("trades", report.trades())
                .add("signIns", report.signIns()).add("findings", report.findings()).add("raised", report.raised())
                .build().toString();
    }

    @GET
    @Path("links")
    public String links() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        surveillance.links(caller.get()).forEach(link -> items.add(link(link)));
        return Json.createObjectBuilder().add("items", items).build().toString();
    }

    @POST
    @Path("links")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response link(String body) {
        StrictJson json = new StrictJson();
        StrictJson.Obj request = json.object(StrictJson.parse(body), "", LINK_FIELDS);
        json.throwIfInvalid();
        String traderA = request.string("traderA", true, null);
        String traderB = request.string("traderB", true, null);
        String kind = request.string("kind", false, null);
        String note = request.string("note", false, null);
        json.throwIfInvalid();
        TraderLinkView link = surveillance.link(caller.get(), traderA, traderB, kind, note);
        return Response.status(Response.Status.CREATED).entity(link(link).build().toString()).build();
    }

    @DELETE
    @Path("links/{id}")
    public Response unlink(@PathParam("id") String id) {
        surveillance.unlink(caller.get(), id);
        return Response.noContent().build();
    }

    private static JsonObjectBuilder link(TraderLinkView link) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", link.id())
                .add("traderA", link.traderA())
                .add("traderB", link.traderB())
                .add("kind", link.kind().name());
        if (link.note() != null) {
            json.add("note", link.note());
        }
        return json.add("linkedBy", link.linkedBy()).add("linkedAt", link.linkedAt().toString());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
