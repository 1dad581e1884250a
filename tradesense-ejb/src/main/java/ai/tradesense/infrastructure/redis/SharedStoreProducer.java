package ai.tradesense.infrastructure.redis;

import java.net.URI;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import redis.clients.jedis.JedisPool;

import ai.tradesense.application.LiveFanOut;
import ai.tradesense.application.RateLimiter;
import ai.tradesense.application.SharedStoreHealth;
import ai.tradesense.application.risk.CycleRecords;
import ai.tradesense.application.risk.Lease;
import ai.tradesense.application.risk.WorkQueue;
import ai.tradesense.application.risk.WorkerFlags;

/**
 * Chooses the shared store and the rate limiter once, by configuration: Redis when
 * {@code tradesense.redis.url} is set, through one pool both use, and in-process stand-ins otherwise.
 * Produces the narrow ports the application uses over it.
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

    /** Subscribers block for as long as the node runs, so they get threads of their own from the container. */
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private JedisPool pool;
    private SharedPorts ports;
    private RateLimiter rateLimiter;

    @PostConstruct
    void choose() {
        String url = redisUrl.map(String::strip).orElse("");
        if (url.isEmpty()) {
            ports = SharedPorts.inProcess();
            rateLimiter = new InProcessRateLimiter();
            LOG.info("Redis is not configured (tradesense.redis.url): using in-process stand-ins, one node only");
        } else {
            URI uri = URI.create(url);
            if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
                throw new IllegalStateException("tradesense.redis.url must be a redis:// or rediss:// URL");
            }
            pool = RedisRateLimiter.pool(uri, timeoutMillis);
            ports = new SharedPorts(new RedisSharedStore(pool, uri, timeoutMillis, threads));
            rateLimiter = RedisRateLimiter.create(pool, uri);
            LOG.log(Level.INFO, "Redis configured at {0}:{1}", new Object[] {uri.getHost(), uri.getPort()});
        }
    }

    @Produces
    @ApplicationScoped
    LiveFanOut liveFanOut() {
        return ports.fanOut();
    }

    @Produces
    @ApplicationScoped
    WorkQueue workQueue() {
        return ports.workQueue();
    }

    @Produces
    @ApplicationScoped
    Lease lease() {
        return ports.lease();
    }

    @Produces
    @ApplicationScoped
    CycleRecords cycleRecords() {
        return ports.cycleRecords();
    }

    @Produces
    @ApplicationScoped
    WorkerFlags workerFlags() {
        return ports.workerFlags();
    }

    @Produces
    @ApplicationScoped
    SharedStoreHealth sharedStoreHealth() {
        return ports.health();
    }

    @Produces
    @ApplicationScoped
    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    @PreDestroy
    void close() {
        if (pool != null) {
            try {
                pool.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing the Redis pool failed", e);
            }
        }
    }
}
