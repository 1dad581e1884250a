package ai.tradesense.interfaces.rest.calendar;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.tradesense.application.CalendarService;
import ai.tradesense.application.security.Role;
import ai.tradesense.domain.rules.CalendarEntry;
import ai.tradesense.infrastructure.json.CalendarDocument;
import ai.tradesense.interfaces.security.Allow;

/**
 * The economic calendar the news conduct rule judges trades against: staff read it, admins keep it, one
 * entry at a time or by a CSV import ({@code at,title,impact,symbols}).
 */
@Path("calendar")
@Produces(MediaType.APPLICATION_JSON)
@Allow({Role.RISK, Role.ADMIN})
public class CalendarResource {

    @Inject
    CalendarService calendar;

    @GET
    public String list() {
        return CalendarDocument.write(calendar.list()).toString();
    }

    @GET
    @Path("{id}")
    public String find(@PathParam("id") String id) {
        return CalendarDocument.write(calendar.find(id)).toString();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Response create(String body) {
        CalendarEntry entry = calendar.create(CalendarDocument.read(body));
        return Response.status(Response.Status.CREATED).entity(CalendarDocument.write(entry).toString()).build();
    }

    /** The CSV import: every line or none. */
    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Allow(Role.ADMIN)
    public Response importCsv(String body) {
        String answer = CalendarDocument.write(calendar.importAll(CalendarDocument.readCsv(body))).toString();
        return Response.status(Response.Status.CREATED).entity(answer).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public String update(@PathParam("id") String id, String body) {
        return CalendarDocument.write(calendar.update(id, CalendarDocument.read(body))).toString();
    }

    @DELETE
    @Path("{id}")
    @Allow(Role.ADMIN)
    public Response delete(@PathParam("id") String id) {
        calendar.delete(id);
        return Response.noContent().build();
    }
}
