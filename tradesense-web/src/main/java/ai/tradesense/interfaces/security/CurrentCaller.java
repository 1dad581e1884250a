package ai.tradesense.interfaces.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import ai.tradesense.application.security.Caller;

/** The signed-in caller of the current request, as the authentication mechanism found it. */
@RequestScoped
public class CurrentCaller {

    @Inject
    HttpServletRequest request;

    /** The caller; the access filter has made sure there is one on every non-public method. */
    public Caller get() {
        Object caller = request.getAttribute(TokenAuthenticationMechanism.CALLER);
        if (caller instanceof Caller signedIn) {
            return signedIn;
        }
        throw new IllegalStateException("no signed-in caller on a protected method");
    }
}
