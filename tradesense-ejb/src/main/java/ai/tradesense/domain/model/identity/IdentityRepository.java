package ai.tradesense.domain.model.identity;

import java.util.List;
import java.util.Optional;

public interface IdentityRepository {

    Optional<User> user(String id);

    /** By email, compared in lower case. */
    Optional<User> userByEmail(String email);

    List<User> users(int page, int size);

    boolean anyAdmin();

    /** @throws ai.tradesense.domain.model.identity.EmailTakenException when the email is registered */
    void add(User user);

    Optional<RefreshToken> refreshToken(String tokenHash);

    void add(RefreshToken token);

    Optional<ApiKey> apiKey(String id);

    List<ApiKey> apiKeys();

    void add(ApiKey key);
}
