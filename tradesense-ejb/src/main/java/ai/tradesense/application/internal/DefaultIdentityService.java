package ai.tradesense.application.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.tradesense.application.security.AccessTokens;
import ai.tradesense.application.security.ApiKeyCallers;
import ai.tradesense.application.security.AuthenticationFailedException;
import ai.tradesense.application.security.Caller;
import ai.tradesense.application.security.IdentityService;
import ai.tradesense.application.security.PasswordHashing;
import ai.tradesense.application.security.Role;
import ai.tradesense.application.security.SecretSource;
import ai.tradesense.application.security.Tokens;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.identity.ApiKey;
import ai.tradesense.domain.model.identity.IdentityRepository;
import ai.tradesense.domain.model.identity.RefreshToken;
import ai.tradesense.domain.model.identity.User;
import ai.tradesense.domain.model.identity.UserNotFoundException;
import ai.tradesense.domain.model.plan.PlanRepository;
import ai.tradesense.domain.model.surveillance.SignInAddress;
import ai.tradesense.domain.model.surveillance.SurveillanceRepository;

@Stateless
@LocalBean
@Local(IdentityService.class)
public class DefaultIdentityService implements IdentityService {

    private static final Logger LOG = Logger.getLogger(DefaultIdentityService.class.getName());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s.]{2,63}");
    private static final Pattern NAME_CHARS = Pattern.compile("[^<>\\p{Cntrl}]{1,100}");
    private static final String KEY_PREFIX = "tsk_";
    private static final int MAX_ADDRESS = 64;
    static final String INVALID_CREDENTIALS = "wrong email or password";

    @Inject
    IdentityRepository identities;

    @Inject
    ApiKeyCallers signedInKeys;

    @Inject
    SurveillanceRepository signIns;

    @Inject
    PlanRepository plans;

    @Inject
    PasswordHashing passwords;

    @Inject
    AccessTokens tokens;

    @Inject
    SecretSource secrets;

    @Inject
    @ConfigProperty(name = "tradesense.security.access-token-minutes", defaultValue = "15")
    long accessMinutes;

    @Inject
    @ConfigProperty(name = "tradesense.security.refresh-token-days", defaultValue = "14")
    long refreshDays;

    @Inject
    Clock clock;

    @Override
    public UserView register(String email, String password, String displayName) {
        String normalised = checkEmail(email);
        checkPassword(password);
        String name = displayName == null ? null : displayName.strip();
        if (name == null || !NAME_CHARS.matcher(name).matches()) {
            throw InvalidInputException.of("displayName", Kind.VALUE,
                    "must be 1 to 100 characters, without < > or control characters");
        }
        User user = new User(UUID.randomUUID().toString(), normalised, name, passwords.hash(password),
                EnumSet.of(User.StoredRole.TRADER), clock.instant());
        identities.add(user);
        LOG.log(Level.INFO, "Trader {0} registered", user.id());
        return view(user);
    }

    /** Creates the first admin from configuration; no default password exists anywhere. */
    public void createAdmin(String email, String password, String displayName) {
        checkPassword(password);
        User admin = new User(UUID.randomUUID().toString(), checkEmail(email), displayName,
                passwords.hash(password), EnumSet.of(User.StoredRole.ADMIN), clock.instant());
        identities.add(admin);
        LOG.log(Level.INFO, "First admin {0} created from configuration", admin.id());
    }

    public boolean anyAdmin() {
        return identities.anyAdmin();
    }

    @Override
    public Tokens login(String email, String password) {
        return login(email, password, null);
    }

    @Override
    public Tokens login(String email, String password, String address) {
        if (email == null || password == null || email.length() > 254 || password.length() > 128) {
            passwords.verify("", null);
            throw new AuthenticationFailedException(INVALID_CREDENTIALS);
        }
        Optional<User> user = identities.userByEmail(email.strip());
        boolean valid = passwords.verify(password, user.map(User::passwordHash).orElse(null));
        if (!valid) {
            throw new AuthenticationFailedException(INVALID_CREDENTIALS);
        }
        if (passwords.needsRehash(user.get().passwordHash())) {
            user.get().rehashPassword(passwords.hash(password));
            LOG.log(Level.INFO, "Password hash of user {0} upgraded at sign-in", user.get().id());
        }
        // Surveillance compares traders; staff signing in from the office is no finding.
        if (address != null && !address.isBlank() && user.get().roles().equals(EnumSet.of(User.StoredRole.TRADER))) {
            String kept = address.length() > MAX_ADDRESS ? address.substring(0, MAX_ADDRESS) : address;
            signIns.add(new SignInAddress(UUID.randomUUID().toString(), user.get().id(), kept, clock.instant()));
        }
        return issue(user.get());
    }

    @Override
    public Tokens refresh(String refreshToken) {
        Instant now = clock.instant();
        RefreshToken stored = refreshToken == null ? null
                : identities.refreshToken(secrets.digest(refreshToken)).orElse(null);
        if (stored == null || !stored.isUsableAt(now)) {
            throw new AuthenticationFailedException("the refresh token is not valid; sign in again");
        }
        stored.revoke(now);
        User user = identities.user(stored.userId())
                .orElseThrow(() -> new AuthenticationFailedException("the refresh token is not valid; sign in again"));
        return issue(user);
    }

    @Override
    public void logout(String refreshToken) {
        if (refreshToken != null) {
            identities.refreshToken(secrets.digest(refreshToken)).ifPresent(t -> t.revoke(clock.instant()));
        }
    }

    private Tokens issue(User user) {
        Instant now = clock.instant();
        long expiresIn = Duration.ofMinutes(accessMinutes).toSeconds();
        List<String> groups = user.roles().stream().map(Enum::name).toList();
        String access = tokens.sign(new AccessTokens.Claims(user.id(), user.email(), groups, now,
                now.plusSeconds(expiresIn)));
        String refresh = secrets.newSecret();
        identities.add(new RefreshToken(UUID.randomUUID().toString(), user.id(), secrets.digest(refresh), now,
                now.plus(Duration.ofDays(refreshDays))));
        return new Tokens(access, refresh, expiresIn);
    }

    @Override
    public Optional<Caller> authenticateToken(String accessToken) {
        return tokens.verify(accessToken, clock.instant()).map(claims -> {
            Set<Role> roles = claims.groups().stream().map(Role::valueOf).filter(r -> r != Role.PLATFORM)
                    .collect(Collectors.toSet());
            return new Caller(claims.subject(), claims.name(), roles, Set.of());
        });
    }

    @Override
    public Optional<Caller> authenticateApiKey(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX) || key.length() > 200) {
            return Optional.empty();
        }
        int dot = key.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String id = key.substring(KEY_PREFIX.length(), dot);
        String secret = key.substring(dot + 1);
        return identities.apiKey(id).filter(k -> !k.isRevoked())
                .filter(k -> MessageDigest.isEqual(k.keyHash().getBytes(StandardCharsets.US_ASCII),
                        secrets.digest(secret).getBytes(StandardCharsets.US_ASCII)))
                .map(k -> new Caller(k.id(), k.name(), Set.of(Role.PLATFORM), k.planCodes()));
    }

    @Override
    public UserView user(String id) {
        return identities.user(id).map(DefaultIdentityService::view)
                .orElseThrow(() -> new UserNotFoundException(id));
    }

    @Override
    public List<UserView> users(int page, int size) {
        return identities.users(page, size).stream().map(DefaultIdentityService::view).toList();
    }

    @Override
    public UserView setRoles(Caller admin, String userId, Set<Role> roles) {
        if (roles.isEmpty() || roles.contains(Role.PLATFORM)) {
            throw InvalidInputException.of("roles", Kind.VALUE, "give one or more of TRADER, RISK, ADMIN");
        }
        User user = identities.user(userId)
                .orElseThrow(() -> new UserNotFoundException(userId));
        user.assignRoles(roles.stream().map(r -> User.StoredRole.valueOf(r.name()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(User.StoredRole.class))));
        LOG.log(Level.INFO, "{0} set the roles of user {1} to {2}", new Object[] {admin.auditName(), userId, roles});
        return view(user);
    }

    @Override
    public IssuedKey issueApiKey(Caller admin, String name, Set<String> planCodes) {
        if (name == null || !NAME_CHARS.matcher(name.strip()).matches()) {
            throw InvalidInputException.of("name", Kind.VALUE, "must be 1 to 100 characters, without < > or control characters");
        }
        for (String code : planCodes) {
            if (plans.latest(code).isEmpty()) {
                throw InvalidInputException.of("planCodes", Kind.VALUE, "no plan with code '" + code + "'");
            }
        }
        String id = UUID.randomUUID().toString();
        String secret = secrets.newSecret();
        ApiKey key = new ApiKey(id, name.strip(), secrets.digest(secret), planCodes, admin.id(), clock.instant());
        identities.add(key);
        LOG.log(Level.INFO, "{0} issued API key {1} ({2})", new Object[] {admin.auditName(), id, name});
        return new IssuedKey(view(key), KEY_PREFIX + id + "." + secret);
    }

    @Override
    public List<ApiKeyView> apiKeys() {
        return identities.apiKeys().stream().map(DefaultIdentityService::view).toList();
    }

    @Override
    public void revokeApiKey(Caller admin, String keyId) {
        ApiKey key = identities.apiKey(keyId)
                .orElseThrow(() -> new UserNotFoundException(keyId));
        key.revoke(clock.instant());
        signedInKeys.forget(keyId);
        LOG.log(Level.INFO, "{0} revoked API key {1}", new Object[] {admin.auditName(), keyId});
    }

    private static String checkEmail(String email) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normalised.length() > 254 || !EMAIL.matcher(normalised).matches()) {
            throw InvalidInputException.of("email", Kind.VALUE, "must be an email address");
        }
        return normalised;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < 12 || password.length() > 128) {
            throw InvalidInputException.of("password", Kind.VALUE, "must be 12 to 128 characters");
        }
    }

    private static UserView view(User user) {
        return new UserView(user.id(), user.email(), user.displayName(),
                user.roles().stream().map(r -> Role.valueOf(r.name())).collect(Collectors.toSet()), user.createdAt());
    }

    private static ApiKeyView view(ApiKey key) {
        return new ApiKeyView(key.id(), key.name(), key.planCodes(), key.createdBy(), key.createdAt(), key.revokedAt());
    }
}
