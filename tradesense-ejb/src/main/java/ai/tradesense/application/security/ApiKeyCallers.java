package ai.tradesense.application.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform keys that signed in on this node in the last few seconds, so the bridge's requests (many
 * a second from one key) are not each a database read. Only keys that held are kept, by the digest of
 * the whole key (never the key itself), each for {@code tradesense.security.api-key-cache-seconds} (5 by
 * default; 0 turns this off). Revoking a key forgets it here at once; another node stops accepting it
 * within those seconds.
 */
@ApplicationScoped
public class ApiKeyCallers {

    /** More distinct keys than a firm has bridges means something is off: start again rather than grow. */
    static final int MAX_KEYS = 10_000;

    @Inject
    @ConfigProperty(name = "tradesense.security.api-key-cache-seconds", defaultValue = "5")
    int cacheSeconds;

    @Inject
    SecretSource secrets;

    private final Map<String, Held> held = new ConcurrentHashMap<>();

    private record Held(Caller caller, long until) { }

    /**
     * The caller of {@code key}: remembered if it held within the last seconds, otherwise what
     * {@code check} finds (remembered when it holds).
     */
    public Optional<Caller> authenticate(String key, Function<String, Optional<Caller>> check) {
        if (cacheSeconds <= 0) {
            return check.apply(key);
        }
        String digest = secrets.digest(key);
        long now = System.nanoTime();
        Held known = held.get(digest);
        if (known != null && now - known.until() < 0) {
            return Optional.of(known.caller());
        }
        Optional<Caller> caller = check.apply(key);
        if (caller.isPresent()) {
            if (held.size() >= MAX_KEYS) {
                held.clear();
            }
            held.put(digest, new Held(caller.get(), now + cacheSeconds * 1_000_000_000L));
        } else if (known != null) {
            held.remove(digest);
        }
        return caller;
    }

    /** Forgets the key with this id (it was revoked). */
    public void forget(String keyId) {
        held.values().removeIf(h -> h.caller().id().equals(keyId));
    }
}
