package ai.tradesense.interfaces.rest.webhooks;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.tradesense.application.outbound.WebhookAdmin;
import ai.tradesense.application.security.Role;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.outbound.Delivery;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.StrictJson;
import ai.tradesense.interfaces.rest.PageDto;
import ai.tradesense.interfaces.rest.Paging;
import ai.tradesense.interfaces.rest.TimeFilter;
import ai.tradesense.interfaces.security.Allow;

/** Webhook subscriptions, their secrets and their deliveries: admins only (docs/webhooks.md). */
@Path("admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Allow(Role.ADMIN)
public class WebhookResource {

    @Inject
    WebhookAdmin webhooks;

    /** Created with its secret, shown this once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        WebhookAdmin.Created created = webhooks.create(WebhookJson.request(body));
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder(
                        WebhookJson.subscription(created.subscription()))
                .add("secret", WebhookJson.secret(created.secret())).build().toString()).build();
    }

    @GET
    public String list() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        webhooks.list().forEach(s -> items.add(WebhookJson.subscription(s)));
        return Json.createObjectBuilder().add("items", items).build().toString();
    }

    @GET
    @Path("deliveries")
    public String deliveries(@QueryParam("status") String status, @QueryParam("subscription") String subscription,
                             @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        return PageDto.json(webhooks.deliveries(status(status), blankToNull(subscription), TimeFilter.of(from, to),
                paging.page(), paging.size()).map(WebhookJson::delivery));
    }

    @POST
    @Path("deliveries/{id}/replay")
    public String replay(@PathParam("id") String id) {
        return WebhookJson.delivery(webhooks.replay(id)).toString();
    }

    @GET
    @Path("{id}")
    public String find(@PathParam("id") String id) {
        return WebhookJson.subscription(webhooks.find(id)).toString();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String update(@PathParam("id") String id, String body) {
        return WebhookJson.subscription(webhooks.update(id, WebhookJson.request(body))).toString();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    /** A new signing key; the body may give the secret ({@code {"secret": "..."}}) or be empty. */
    @POST
    @Path("{id}/secrets")
    public Response rotate(@PathParam("id") String id, String body) {
        String secret = null;
        if (body != null && !body.isBlank()) {
            StrictJson json = new StrictJson();
            StrictJson.Obj request = json.object(StrictJson.parse(body), "", Set.of("secret"));
            json.throwIfInvalid();
            secret = request.string("secret", false, null);
            json.throwIfInvalid();
        }
        return Response.status(Response.Status.CREATED)
                .entity(WebhookJson.secret(webhooks.rotate(id, secret)).toString()).build();
    }

    private static Delivery.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Delivery.Status.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("status", Kind.VALUE, "must be one of PENDING, DELIVERED, DEAD");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
