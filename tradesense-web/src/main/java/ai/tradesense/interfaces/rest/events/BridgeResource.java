package ai.tradesense.interfaces.rest.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.tradesense.application.challenge.EventIngestion;
import ai.tradesense.application.security.Role;
import ai.tradesense.interfaces.rest.challenges.EventRequests;
import ai.tradesense.interfaces.security.Allow;
import ai.tradesense.interfaces.security.CurrentCaller;

/**
 * The trading-platform bridge: events of many challenges in one request, all or nothing per challenge,
 * one result per event (DESIGN §5b). A platform key sees only the challenges on its plans; others answer
 * as unknown. One instance serves every request.
 */
@Path("events")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class BridgeResource {

    @Inject
    EventIngestion ingestion;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.PLATFORM, Role.ADMIN})
    public void ingest(String body, @Suspended AsyncResponse response) {
        ingestion.ingest(caller.get(), EventRequests.readBridge(body)).whenComplete((answer, failure) -> {
            if (failure != null) {
                response.resume(EventRequests.cause(failure));
            } else {
                response.resume(Response.ok(BridgeAnswers.write(answer)).build());
            }
        });
    }
}
