package ai.tradesense.interfaces.rest.payouts;

import java.util.List;
import java.util.Set;

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

import ai.tradesense.application.payout.PayoutService;
import ai.tradesense.application.security.Role;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.payout.PayoutRequest;
import ai.tradesense.infrastructure.json.PayoutJson;
import ai.tradesense.infrastructure.json.StrictJson;
import ai.tradesense.interfaces.security.Allow;
import ai.tradesense.interfaces.security.CurrentCaller;

/** The payout ledger across challenges: a trader's own, staff's approval queue, decisions and totals. */
@Path("payouts")
@Produces(MediaType.APPLICATION_JSON)
public class PayoutResource {

    private static final Set<String> REJECT_FIELDS = Set.of("reason");

    @Inject
    PayoutService payouts;

    @Inject
    CurrentCaller caller;

    @GET
    @Produces({MediaType.APPLICATION_JSON, PayoutAnswers.CSV})
    @Allow({Role.TRADER, Role.RISK, Role.ADMIN})
    public Response list(@QueryParam("traderId") String traderId, @QueryParam("status") String status,
                         @QueryParam("format") String format, @Context HttpHeaders headers) {
        return PayoutAnswers.ledger(payouts.list(caller.get(), blankToNull(traderId), status(status)), format,
                headers);
    }

    @GET
    @Path("totals")
    @Allow({Role.RISK, Role.ADMIN})
    public String totals() {
        return PayoutJson.totals(payouts.totals(caller.get())).toString();
    }

    @POST
    @Path("{id}/approve")
    @Allow({Role.RISK, Role.ADMIN})
    public String approve(@PathParam("id") String id) {
        return PayoutJson.write(payouts.approve(caller.get(), id)).toString();
    }

    @POST
    @Path("{id}/reject")
    @Allow({Role.RISK, Role.ADMIN})
    public String reject(@PathParam("id") String id, String body) {
        StrictJson json = new StrictJson();
        StrictJson.Obj request = json.object(StrictJson.parse(body), "", REJECT_FIELDS);
        json.throwIfInvalid();
        String reason = request.string("reason", true, null);
        json.throwIfInvalid();
        return PayoutJson.write(payouts.reject(caller.get(), id, reason)).toString();
    }

    private static PayoutRequest.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return PayoutRequest.Status.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("status", Kind.VALUE, "must be one of "
                    + List.of(PayoutRequest.Status.values()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
