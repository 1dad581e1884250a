package ai.tradesense.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;

import ai.tradesense.application.security.SecretSource;

/** {@link Secrets}: 256 random bits, stored by their SHA-256. */
@ApplicationScoped
public class RandomSecrets implements SecretSource {

    @Override
    public String newSecret() {
        return Secrets.random();
    }

    @Override
    public String digest(String secret) {
        return Secrets.sha256(secret);
    }
}
