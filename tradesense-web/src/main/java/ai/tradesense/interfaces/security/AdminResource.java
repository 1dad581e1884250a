package ai.tradesense.interfaces.security;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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

import ai.tradesense.application.security.IdentityService.ApiKeyView;
import ai.tradesense.application.security.IdentityService;
import ai.tradesense.application.security.Role;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.StrictJson;
import ai.tradesense.interfaces.rest.Paging;

/** Users and their roles, and the platform's API keys: admins only. */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@Allow(Role.ADMIN)
public class AdminResource {

    @Inject
    IdentityService identities;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("users")
    public String users(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        JsonArrayBuilder items = Json.createArrayBuilder();
        identities.users(paging.page(), paging.size()).forEach(u -> items.add(StrictJson.parse(AuthResource.user(u))));
        return Json.createObjectBuilder().add("items", items).add("page", paging.page()).add("size", paging.size())
                .build().toString();
    }

    @PUT
    @Path("users/{id}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public String setRoles(@PathParam("id") String id, String body) {
        StrictJson json = new StrictJson();
        StrictJson.Obj request = json.object(StrictJson.parse(body), "", Set.of("roles"));
        JsonArray roles = request == null ? null : request.array("roles", true);
        json.throwIfInvalid();
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        for (int i = 0; i < roles.size(); i++) {
            JsonValue role = roles.get(i);
            try {
                parsed.add(Role.valueOf(((JsonString) role).getString()));
            } catch (ClassCastException | IllegalArgumentException e) {
                throw InvalidInputException.of("roles[" + i + "]", Kind.VALUE, "must be one of TRADER, RISK, ADMIN");
            }
        }
        return AuthResource.user(identities.setRoles(caller.get(), id, parsed));
    }

    @POST
    @Path("api-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issueKey(String body) {
        StrictJson json = new StrictJson();
        StrictJson.Obj request = json.object(StrictJson.parse(body), "", Set.of("name", "planCodes"));
        json.throwIfInvalid();
        String name = request.string("name", true, null);
        JsonArray codes = request.array("planCodes", false);
        json.throwIfInvalid();
        Set<String> planCodes = new LinkedHashSet<>();
        if (codes != null) {
            for (int i = 0; i < codes.size(); i++) {
                if (!(codes.get(i) instanceof JsonString code)) {
                    throw InvalidInputException.of("planCodes[" + i + "]", Kind.TYPE, "must be a plan code");
                }
                planCodes.add(code.getString());
            }
        }
        IdentityService.IssuedKey issued = identities.issueApiKey(caller.get(), name, planCodes);
        return Response.status(Response.Status.CREATED)
                .entity(key(issued.key()).add("key", issued.secret()).build().toString()).build();
    }

    @GET
    @Path("api-keys")
    public String keys() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        List<ApiKeyView> keys = identities.apiKeys();
        keys.forEach(k -> items.add(key(k)));
        return Json.createObjectBuilder().add("items", items).build().toString();
    }

    @DELETE
    @Path("api-keys/{id}")
    public Response revoke(@PathParam("id") String id) {
        identities.revokeApiKey(caller.get(), id);
        return Response.noContent().build();
    }

    private static JsonObjectBuilder key(ApiKeyView key) {
        JsonArrayBuilder plans = Json.createArrayBuilder();
        key.planCodes().forEach(plans::add);
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", key.id()).add("name", key.name())
                .add("planCodes", plans).add("createdBy", key.createdBy())
                .add("createdAt", key.createdAt().toString());
        if (key.revokedAt() == null) {
            json.addNull("revokedAt");
        } else {
            json.add("revokedAt", key.revokedAt().toString());
        }
        return json;
    }
}
