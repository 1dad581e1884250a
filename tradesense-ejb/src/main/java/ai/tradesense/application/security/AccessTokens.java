package ai.tradesense.application.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Signs the short-lived access tokens the API hands out at sign-in, and checks those it is shown. */
public interface AccessTokens {

    /** What an access token says: whose it is, under what name, in which groups, and until when. */
    record Claims(String subject, String name, List<String> groups, Instant issuedAt, Instant expiresAt) {

        public Claims {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(name, "name");
            groups = List.copyOf(groups);
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** A signed token carrying the claims (and an id of its own). */
    String sign(Claims claims);

    /**
     * The claims of a token signed by TradeSense with a key it still accepts and not expired at
     * {@code now}; empty otherwise.
     */
    Optional<Claims> verify(String token, Instant now);
}
