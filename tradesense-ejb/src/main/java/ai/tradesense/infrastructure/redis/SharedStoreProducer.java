package ai.tradesense.infrastructure.redis;

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

import ai.tradesense.application.LiveFanOut;
import ai.tradesense.application.RateLimiter;
import ai.tradesense.application.SharedStoreHealth;
import ai.tradesense.application.risk.CycleRecords;
import ai.tradesense.application.risk.Lease;
import ai.tradesense.application.risk.WorkQueue;
import ai.tradesense.application.risk.WorkerFlags;

/**
 * Chooses the shared store and the rate limiter once, by configuration: Redis when
 * {@code tradesense.redis.url} is set (one node, a Cluster or a Sentinel set: {@link RedisTopology}), and
 * in-process stand-ins otherwise. With Redis, what a request waits for (rate-limit hits, live publishes,
 * readiness, gauges) shares one client with short timeouts and one circuit breaker; the worker's
 * bookkeeping has the other client. Produces the narrow ports the application uses over it.
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

    @Inject
    @ConfigProperty(name = "tradesense.redis.request-timeout-ms", defaultValue = "150")
    int requestTimeoutMillis;

    /** Subscribers block for as long as the node runs, so they get threads of their own from the container. */
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private LazyClient worker;
    private LazyClient requestPath;
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
            RedisTopology topology;
            try {
                topology = RedisTopology.parse(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("tradesense.redis.url must be " + RedisTopology.EXPECTED + ": "
                        + e.getMessage(), e);
            }
            worker = RedisPools.worker(topology, timeoutMillis);
            requestPath = RedisPools.requestPath(topology, requestTimeoutMillis);
            RequestPathBreaker breaker = RequestPathBreaker.of(topology.describe());
            ports = new SharedPorts(new RedisSharedStore(worker, requestPath, breaker, threads));
            rateLimiter = new RedisRateLimiter(requestPath, new InProcessRateLimiter(), breaker);
            LOG.log(Level.INFO, "Redis configured: {0} (requests wait for it at most {1} ms)",
                    new Object[] {topology.describe(), Integer.toString(requestTimeoutMillis)});
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
        for (LazyClient open : new LazyClient[] {worker, requestPath}) {
            if (open != null) {
                try {
                    open.close();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "closing a Redis client failed", e);
                }
            }
        }
    }
}
