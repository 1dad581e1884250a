package ai.tradesense.application.security;

/** Random secrets for refresh tokens and API keys, and the digest they are stored and looked up by. */
public interface SecretSource {

    /** A new random secret, URL-safe. */
    String newSecret();

    /** The digest a secret is stored under; the same secret always gives the same digest. */
    String digest(String secret);
}
