package ai.tradesense.application.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Sign-up, sign-in, tokens, users and API keys. */
public interface IdentityService {

    /** A user as the API shows them; never their password hash. */
    record UserView(String id, String email, String displayName, Set<Role> roles, java.time.Instant createdAt) { }

    /** An API key as listed; the secret itself is shown once, when issued. */
    record ApiKeyView(String id, String name, Set<String> planCodes, String createdBy, java.time.Instant createdAt,
                      java.time.Instant revokedAt) { }

    /** A new key: its listing and the secret to hand to the platform bridge. */
    record IssuedKey(ApiKeyView key, String secret) { }

    /** Registers a trader. Throws InvalidInputException for bad fields, or a conflict for a taken email. */
    UserView register(String email, String password, String displayName);

    /** The same failure for an unknown email and a wrong password, in the same time. */
    Tokens login(String email, String password);

    /**
     * Signs in from {@code address} (the client's, as the web layer tells it; null when unknown), which is kept
     * for surveillance across accounts.
     */
    Tokens login(String email, String password, String address);

    /** Exchanges a refresh token for new tokens; the old refresh token is spent. */
    Tokens refresh(String refreshToken);

    /** Revokes a refresh token; unknown tokens are ignored. */
    void logout(String refreshToken);

    /** The caller behind a bearer token, if it is valid. */
    Optional<Caller> authenticateToken(String accessToken);

    /** The caller behind an API key, if it is valid and not revoked. */
    Optional<Caller> authenticateApiKey(String key);

    UserView user(String id);

    List<UserView> users(int page, int size);

    UserView setRoles(Caller admin, String userId, Set<Role> roles);

    IssuedKey issueApiKey(Caller admin, String name, Set<String> planCodes);

    List<ApiKeyView> apiKeys();

    void revokeApiKey(Caller admin, String keyId);
}
