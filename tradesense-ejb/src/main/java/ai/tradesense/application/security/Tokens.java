package ai.tradesense.application.security;

/**
 * What sign-in and refresh answer.
 *
 * @param accessToken  a signed JWT for {@code Authorization: Bearer}
 * @param refreshToken an opaque, single-use token for {@code POST /auth/refresh}
 * @param expiresIn    seconds until the access token expires
 */
public record Tokens(String accessToken, String refreshToken, long expiresIn) {
}
