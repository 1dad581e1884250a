package ai.tradesense.application.internal;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.tradesense.application.SchemaReady;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.identity.EmailTakenException;

/**
 * The first admin comes from configuration ({@code tradesense.security.admin.email} and
 * {@code .password}) when no admin exists yet; there is no built-in account or default password.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    DefaultIdentityService identities;

    @Inject
    @ConfigProperty(name = "tradesense.security.admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "tradesense.security.admin.password")
    Optional<String> password;

    void createFirstAdmin(@Observes SchemaReady ready) {
        if (identities.anyAdmin()) {
            return;
        }
        if (email.isEmpty() || password.isEmpty()) {
            LOG.warning("No admin exists and tradesense.security.admin.email/.password are not set:"
                    + " set them (TRADESENSE_SECURITY_ADMIN_EMAIL, TRADESENSE_SECURITY_ADMIN_PASSWORD) to create one");
            return;
        }
        try {
            identities.createAdmin(email.get(), password.get(), "Administrator");
        } catch (EmailTakenException raced) {
            LOG.fine("the first admin was created by another node");
        } catch (InvalidInputException invalid) {
            LOG.severe("The first admin was not created: tradesense.security.admin." + invalid.getMessage());
        }
    }
}
