package ai.tradesense.infrastructure.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import ai.tradesense.application.security.AccessTokens;
import ai.tradesense.infrastructure.json.Json;

/** Access tokens as {@link Jwt}s signed with the {@link SigningKeys}. */
@ApplicationScoped
public class JwtAccessTokens implements AccessTokens {

    @Inject
    SigningKeys keys;

    @Override
    public String sign(Claims claims) {
        JsonArrayBuilder groups = Json.createArrayBuilder();
        claims.groups().forEach(groups::add);
        JsonObject json = Json.createObjectBuilder()
                .add("iss", Jwt.ISSUER)
                .add("sub", claims.subject())
                .add("name", claims.name())
                .add("groups", groups)
                .add("iat", claims.issuedAt().getEpochSecond())
                .add("exp", claims.expiresAt().getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build();
        return Jwt.sign(json, keys.current());
    }

    @Override
    public Optional<Claims> verify(String token, Instant now) {
        return Jwt.verify(token, keys.accepted(), now).map(JwtAccessTokens::claims);
    }

    private static Claims claims(JsonObject json) {
        Instant expiresAt = Instant.ofEpochSecond(json.getJsonNumber("exp").longValue());
        JsonValue iat = json.get("iat");
        Instant issuedAt = iat instanceof JsonNumber number ? Instant.ofEpochSecond(number.longValue()) : expiresAt;
        List<String> groups = json.getJsonArray("groups").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        return new Claims(json.getString("sub"), json.getString("name", ""), groups, issuedAt, expiresAt);
    }
}
