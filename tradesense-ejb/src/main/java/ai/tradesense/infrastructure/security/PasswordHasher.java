package ai.tradesense.infrastructure.security;

import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import ai.tradesense.application.security.PasswordHashing;

/**
 * Salted PBKDF2-HMAC-SHA512 at 210,000 iterations through Jakarta Security (OWASP's advice for
 * PBKDF2-SHA512). Hashes made with other parameters still verify, since each stored hash names its
 * own, and are reported for rehashing. Verifying an unknown user's password runs the same work against a
 * stand-in hash, so a wrong email and a wrong password take the same time.
 */
@ApplicationScoped
public class PasswordHasher implements PasswordHashing {

    static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    static final int ITERATIONS = 210_000;
    /** How every hash made now starts: the stored form is {@code algorithm:iterations:salt:hash}. */
    private static final String CURRENT = ALGORITHM + ":" + ITERATIONS + ":";

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private String standIn;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
                "Pbkdf2PasswordHash.Iterations", Integer.toString(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        standIn = pbkdf2.generate(Secrets.random().toCharArray());
    }

    @Override
    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    /** Checks a password against a stored hash, or against the stand-in when there is none. */
    @Override
    public boolean verify(String password, String storedHash) {
        boolean matches = pbkdf2.verify(password.toCharArray(), storedHash == null ? standIn : storedHash);
        return storedHash != null && matches;
    }

    @Override
    public boolean needsRehash(String storedHash) {
        return storedHash != null && !storedHash.startsWith(CURRENT);
    }
}
