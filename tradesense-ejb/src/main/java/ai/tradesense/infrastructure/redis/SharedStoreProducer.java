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

import ai.tradesense.application.SharedStore;

/** Chooses the shared store once, by configuration: Redis when {@code tradesense.redis.url} is set. */
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

    @PostConstruct
    void choose() {
        String url = redisUrl.map(String::strip).orElse("");
        if (url.isEmpty()) {
            store = new InProcessSharedStore();
            LOG.info("Redis is not configured (tradesense.redis.url): using in-process stand-ins, one node only");
        } else {
            URI uri = URI.create(url);
            if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
                throw new IllegalStateException("tradesense.redis.url must be a redis:// or rediss:// URL");
            }
            store = new RedisSharedStore(uri, timeoutMillis);
            LOG.log(Level.INFO, "Redis configured at {0}:{1}", new Object[] {uri.getHost(), uri.getPort()});
        }
    }

    @Produces
    @ApplicationScoped
    SharedStore sharedStore() {
        return store;
    }

    @PreDestroy
    void close() {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing the shared store failed", e);
            }
        }
    }
}
