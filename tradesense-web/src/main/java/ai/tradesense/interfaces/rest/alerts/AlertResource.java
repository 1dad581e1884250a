package ai.tradesense.interfaces.rest.alerts;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import ai.tradesense.application.risk.AlertService;
import ai.tradesense.application.security.Role;
import ai.tradesense.infrastructure.json.AlertJson;
import ai.tradesense.infrastructure.json.StrictJson;
import ai.tradesense.interfaces.rest.PageDto;
import ai.tradesense.interfaces.rest.Paging;
import ai.tradesense.interfaces.rest.TimeFilter;
import ai.tradesense.interfaces.security.Allow;
import ai.tradesense.interfaces.security.CurrentCaller;

/** Alerts raised by the risk worker and by failures, for risk staff: list, read, acknowledge. */
@Path("alerts")
@Produces(MediaType.APPLICATION_JSON)
@Allow({Role.RISK, Role.ADMIN})
public class AlertResource {

    private static final Set<String> ACK_FIELDS = Set.of("note");

    @Inject
    AlertService alerts;

    @Inject
    CurrentCaller caller;

    @GET
    public String list(@QueryParam("status") String status, @QueryParam("kind") String kind,
                       @QueryParam("challengeId") String challengeId, @QueryParam("from") String from,
                       @QueryParam("to") String to, @QueryParam("page") String page,
                       @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        return PageDto.json(alerts.list(caller.get(), blankToNull(status), blankToNull(kind),
                blankToNull(challengeId), TimeFilter.of(from, to), paging.page(), paging.size()).map(AlertJson::write));
    }

    @GET
    @Path("{id}")
    public String find(@PathParam("id") String id) {
        return AlertJson.write(alerts.find(caller.get(), id)).toString();
    }

    @POST
    @Path("{id}/ack")
    @Consumes(MediaType.APPLICATION_JSON)
    public String acknowledge(@PathParam("id") String id, String body) {
        StrictJson json = new StrictJson();
        StrictJson.Obj request = json.object(StrictJson.parse(body), "", ACK_FIELDS);
        json.throwIfInvalid();
        String note = request.string("note", true, null);
        json.throwIfInvalid();
        return AlertJson.write(alerts.acknowledge(caller.get(), id, note)).toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
