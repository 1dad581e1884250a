package ai.tradesense.infrastructure.redis;

import java.net.URI;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.tradesense.application.RateLimiter;
import ai.tradesense.application.SharedStore;

/**
 * Chooses the shared store and the rate limiter once, by configuration: Redis when
 * {@code tradesense.redis.url} is set, in-process stand-ins otherwise.
 */
@ApplicationScoped
public class SharedStoreProducer {

    private static final Logger LOG = Logger.getLogger(SharedStoreProducer.class.getName());

    @Inject
    @ConfigProperty(name = "tradesense.redis.url")
    Optional<String> redisUrl;

    @Inject
    @ConfigProperty(name = "tradesense.redis.timeout-ms", defaultValue = "2000")
    int timeoutMillis;

    private SharedStore store;
    private RateLimiter rateLimiter;

    @PostConstruct
    void choose() {
        String url = redisUrl.map(String::strip).orElse("");
        if (url.isEmpty()) {
            store = new InProcessSharedStore();
            rateLimiter = new InProcessRateLimiter();
            LOG.info("Redis is not configured (tradesense.redis.url): using in-process stand-ins, one node only");
        } else {
            URI uri = URI.create(url);
            if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
                throw new IllegalStateException("tradesense.redis.url must be a redis:// or rediss:// URL");
            }
            store = new RedisSharedStore(uri, timeoutMillis);
            rateLimiter = RedisRateLimiter.create(uri, timeoutMillis);
            LOG.log(Level.INFO, "Redis configured at {0}:{1}", new Object[] {uri.getHost(), uri.getPort()});
        }
    }

    @Produces
    @ApplicationScoped
    SharedStore sharedStore() {
        return store;
    }

    @Produces
    @ApplicationScoped
    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    @PreDestroy
    void close() {
        closeQuietly(store, "the shared store");
        closeQuietly(rateLimiter, "the rate limiter");
    }

    private static void closeQuietly(Object resource, String what) {
        if (resource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, e, () -> "closing " + what + " failed");
            }
        }
    }
}
