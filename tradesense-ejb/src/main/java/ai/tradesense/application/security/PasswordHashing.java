package ai.tradesense.application.security;

/** Salted, slow password hashes for storage, and their checking. */
public interface PasswordHashing {

    String hash(String password);

    /**
     * Checks a password against a stored hash. With no stored hash (an unknown user) it does the same
     * work and answers false, so a wrong email and a wrong password take the same time.
     */
    boolean verify(String password, String storedHash);

    /** True when a stored hash was made with weaker parameters than today's: rehash it at the next sign-in. */
    boolean needsRehash(String storedHash);
}
