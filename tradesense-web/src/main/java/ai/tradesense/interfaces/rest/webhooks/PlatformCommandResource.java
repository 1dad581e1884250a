package ai.tradesense.interfaces.rest.webhooks;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import ai.tradesense.application.outbound.PlatformCommandView;
import ai.tradesense.application.outbound.PlatformCommands;
import ai.tradesense.application.security.Role;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.TimeWindow;
import ai.tradesense.infrastructure.json.CloudEventJson;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.interfaces.rest.Paging;
import ai.tradesense.interfaces.rest.TimeFilter;
import ai.tradesense.interfaces.security.Allow;
import ai.tradesense.interfaces.security.CurrentCaller;

/**
 * Enforcement commands for the trading platform, pulled in seq order ({@code ?after=<last seq seen>}) and
 * acknowledged by the platform; staff read them too (the risk console shows the open ones).
 */
@Path("platform/commands")
@Produces(MediaType.APPLICATION_JSON)
@Allow({Role.PLATFORM, Role.RISK, Role.ADMIN})
public class PlatformCommandResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    @Inject
    PlatformCommands commands;

    @Inject
    CurrentCaller caller;

    /** {@code open=true}: only those not acknowledged yet; {@code from}/{@code to} on when each was issued. */
    @GET
    public String list(@QueryParam("after") String after, @QueryParam("limit") String limit,
                       @QueryParam("open") String open, @QueryParam("from") String since,
                       @QueryParam("to") String until) {
        TimeWindow window = TimeFilter.of(since, until);
        long from = after == null || after.isBlank() ? 0 : seq("after", after);
        int max = Paging.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        JsonArrayBuilder items = Json.createArrayBuilder();
        long last = from;
        for (PlatformCommandView command : commands.after(caller.get(), from, "true".equals(open), window, max)) {
            items.add(CloudEventJson.command(command));
            last = command.seq();
        }
        return Json.createObjectBuilder().add("items", items).add("last", last).build().toString();
    }

    @POST
    @Path("{seq}/ack")
    @Allow(Role.PLATFORM)
    public String acknowledge(@PathParam("seq") String seq) {
        return CloudEventJson.command(commands.acknowledge(caller.get(), seq("seq", seq))).toString();
    }

    private static long seq(String name, String value) {
        long seq;
        try {
            seq = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, Kind.TYPE, "must be a whole number");
        }
        if (seq < 0) {
            throw InvalidInputException.of(name, Kind.VALUE, "must be at least 0");
        }
        return seq;
    }
}
