package ai.tradesense.interfaces.rest.payouts;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import ai.tradesense.application.payout.PayoutService;
import ai.tradesense.application.payout.PayoutView;
import ai.tradesense.application.security.Role;
import ai.tradesense.infrastructure.json.PayoutJson;
import ai.tradesense.interfaces.security.Allow;
import ai.tradesense.interfaces.security.CurrentCaller;

/** A funded challenge's payouts: request one, read the eligibility, read the ledger (owner trader or staff). */
@Path("challenges/{id}/payouts")
@Produces(MediaType.APPLICATION_JSON)
@Allow({Role.TRADER, Role.RISK, Role.ADMIN})
public class ChallengePayoutResource {

    @Inject
    PayoutService payouts;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uriInfo;

    @POST
    public Response request(@PathParam("id") String id, String body) {
        PayoutView view = payouts.request(caller.get(), id, PayoutAnswers.amountOf(body));
        return Response.created(uriInfo.getBaseUriBuilder().path("payouts").path(view.id()).build())
                .entity(PayoutJson.write(view).toString()).build();
    }

    @GET
    @Path("eligibility")
    public String eligibility(@PathParam("id") String id, @QueryParam("amount") String amount) {
        return PayoutJson.write(payouts.eligibility(caller.get(), id, PayoutAnswers.amountOfQuery(amount))).toString();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, PayoutAnswers.CSV})
    public Response ledger(@PathParam("id") String id, @QueryParam("format") String format,
                           @Context HttpHeaders headers) {
        return PayoutAnswers.ledger(payouts.ledger(caller.get(), id), format, headers);
    }
}
