package ai.tradesense.interfaces.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ai.tradesense.application.security.ApiKeyCallers;
import ai.tradesense.application.security.Caller;
import ai.tradesense.application.security.IdentityService;

/**
 * Signs a request in from {@code Authorization: Bearer <access token>} or {@code X-API-Key: <key>}.
 * A request without credentials goes on anonymously (the access filter decides); credentials that do
 * not hold are remembered so a protected call answers 401 saying so.
 */
@ApplicationScoped
public class TokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Request attribute with the signed-in {@link Caller}. */
    public static final String CALLER = Caller.class.getName();
    /** Request attribute set when credentials were presented but did not hold. */
    public static final String REJECTED = TokenAuthenticationMechanism.class.getName() + ".rejected";
    /** Request attribute set when credentials could not be checked (the database is down). */
    public static final String UNAVAILABLE = TokenAuthenticationMechanism.class.getName() + ".unavailable";
    public static final String API_KEY_HEADER = "X-API-Key";

    @Inject
    IdentityService identities;

    @Inject
    ApiKeyCallers apiKeys;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        String apiKey = request.getHeader(API_KEY_HEADER);
        Optional<Caller> caller;
        try {
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                caller = identities.authenticateToken(authorization.substring(7).strip());
            } else if (apiKey != null) {
                caller = apiKeys.authenticate(apiKey.strip(), identities::authenticateApiKey);
            } else {
                return context.doNothing();
            }
        } catch (RuntimeException unavailable) {
            // An API key is checked against the database; when that is down the request cannot be judged.
            request.setAttribute(UNAVAILABLE, Boolean.TRUE);
            return context.doNothing();
        }
        if (caller.isEmpty()) {
            request.setAttribute(REJECTED, Boolean.TRUE);
            return context.doNothing();
        }
        request.setAttribute(CALLER, caller.get());
        Set<String> groups = caller.get().roles().stream().map(Enum::name).collect(Collectors.toSet());
        return context.notifyContainerAboutLogin(new CallerPrincipal(caller.get().id()), groups);
    }
}
