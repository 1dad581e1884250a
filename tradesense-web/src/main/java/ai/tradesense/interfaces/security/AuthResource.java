package ai.tradesense.interfaces.security;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.tradesense.application.security.IdentityService.UserView;
import ai.tradesense.application.security.IdentityService;
import ai.tradesense.application.security.Tokens;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.StrictJson;

/** Sign-up, sign-in, token refresh and sign-out. */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    IdentityService identities;

    @Inject
    CurrentCaller caller;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    HttpServletRequest servletRequest;

    @POST
    @Path("register")
    @Public
    public Response register(String body) {
        StrictJson.Obj request = read(body, Set.of("email", "password", "displayName"));
        UserView user = identities.register(request.string("email", true, null),
                request.string("password", true, null), request.string("displayName", true, null));
        return Response.status(Response.Status.CREATED).entity(user(user)).build();
    }

    @POST
    @Path("login")
    @Public
    public String login(String body) {
        StrictJson.Obj request = read(body, Set.of("email", "password"));
        return tokens(identities.login(request.string("email", true, null), request.string("password", true, null),
                clientAddresses.of(servletRequest)));
    }

    @POST
    @Path("refresh")
    @Public
    public String refresh(String body) {
        StrictJson.Obj request = read(body, Set.of("refreshToken"));
        return tokens(identities.refresh(request.string("refreshToken", true, null)));
    }

    @POST
    @Path("logout")
    @Public
    public Response logout(String body) {
        StrictJson.Obj request = read(body, Set.of("refreshToken"));
        identities.logout(request.string("refreshToken", true, null));
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    public String me() {
        var signedIn = caller.get();
        JsonArrayBuilder roles = Json.createArrayBuilder();
        signedIn.roles().stream().map(Enum::name).sorted().forEach(roles::add);
        return Json.createObjectBuilder().add("id", signedIn.id()).add("name", signedIn.name())
                .add("roles", roles).build().toString();
    }

    /** Reads a small JSON object strictly; every missing or wrong field is reported at once. */
    static StrictJson.Obj read(String body, Set<String> fields) {
        StrictJson json = new StrictJson();
        StrictJson.Obj request = json.object(StrictJson.parse(body), "", fields);
        json.throwIfInvalid();
        for (String field : fields) {
            request.string(field, true, null);
        }
        json.throwIfInvalid();
        return request;
    }

    static String user(UserView user) {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        user.roles().stream().map(Enum::name).sorted().forEach(roles::add);
        return Json.createObjectBuilder().add("id", user.id()).add("email", user.email())
                .add("displayName", user.displayName()).add("roles", roles)
                .add("createdAt", user.createdAt().toString()).build().toString();
    }

    private static String tokens(Tokens tokens) {
        return Json.createObjectBuilder().add("accessToken", tokens.accessToken())
                .add("refreshToken", tokens.refreshToken()).add("tokenType", "Bearer")
                .add("expiresIn", tokens.expiresIn()).build().toString();
    }
}
