package ai.tradesense.interfaces.security;

import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The client address of a request, read through the trusted proxies of {@code tradesense.http.trusted-proxies}. */
@ApplicationScoped
public class ClientAddresses {

    /** Proxies whose forwarding headers name the client (the shipped nginx, an ingress); none by default. */
    @Inject
    @ConfigProperty(name = "tradesense.http.trusted-proxies")
    Optional<String> trustedProxies;

    private ClientAddress clientAddress;

    @PostConstruct
    void readTrustedProxies() {
        clientAddress = ClientAddress.trusting(trustedProxies.orElse(""));
    }

    public String of(HttpServletRequest request) {
        return clientAddress.of(request.getRemoteAddr(), request.getHeaders("Forwarded"),
                request.getHeaders("X-Forwarded-For"));
    }
}
