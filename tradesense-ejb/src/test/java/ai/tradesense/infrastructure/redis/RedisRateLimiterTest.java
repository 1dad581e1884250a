package ai.tradesense.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import ai.tradesense.application.RateLimiter.Decision;

/**
 * Against the real Redis on 127.0.0.1:6379, database 15. Without it these tests fail: a rate limiter
 * whose Redis path was never exercised is not tested.
 */
class RedisRateLimiterTest {

    private static final String HOST = "127.0.0.1";
    private static final int PORT = 6379;
    private static final int DATABASE = 15;
    private static final int TIMEOUT_MILLIS = 2_000;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final String run = "test:" + UUID.randomUUID() + ":";
    private final List<String> buckets = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeAll
    static void redisMustAnswer() {
        try (Jedis jedis = new Jedis(redisUri(PORT), TIMEOUT_MILLIS)) {
            assertThat(jedis.ping()).isEqualTo("PONG");
        } catch (JedisException e) {
            fail("Redis at " + HOST + ":" + PORT + " does not answer (" + e.getMessage() + "). The Redis rate-limiter "
                    + "tests need a real Redis there (database " + DATABASE + " is used): start one, e.g. "
                    + "`redis-server` or `docker run -p 6379:6379 redis:7`.", e);
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        try (Jedis jedis = redis()) {
            for (String bucket : buckets) {
                jedis.del(RateLimitKeys.of(bucket));
            }
        }
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void refusesOverTheLimitWithTheWindowsRemainingTimeAsRetryAfter() {
        RedisRateLimiter limiter = node(PORT);
        String bucket = bucket("login:ip:1.2.3.4");

        assertThat(limiter.hit(bucket, 3, MINUTE)).isEqualTo(new Decision(true, 2, 0));
        assertThat(limiter.hit(bucket, 3, MINUTE)).isEqualTo(new Decision(true, 1, 0));
        assertThat(limiter.hit(bucket, 3, MINUTE)).isEqualTo(new Decision(true, 0, 0));
        Decision refused = limiter.hit(bucket, 3, MINUTE);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(limiter.isDegraded()).isFalse();
        try (Jedis jedis = redis()) {
            assertThat(jedis.get(RateLimitKeys.of(bucket))).isEqualTo("4");
            assertThat(jedis.pttl(RateLimitKeys.of(bucket))).isBetween(1L, MINUTE.toMillis());
        }
    }

    @Test
    void bucketsAreCountedApart() {
        RedisRateLimiter limiter = node(PORT);
        String ip = bucket("login:ip:1.2.3.4");
        String otherIp = bucket("login:ip:1.2.3.5");
        String email = bucket("login:email:a@b.c");

        limiter.hit(ip, 1, MINUTE);

        assertThat(limiter.hit(ip, 1, MINUTE).allowed()).isFalse();
        assertThat(limiter.hit(otherIp, 1, MINUTE)).isEqualTo(new Decision(true, 0, 0));
        assertThat(limiter.hit(email, 1, MINUTE)).isEqualTo(new Decision(true, 0, 0));
    }

    @Test
    void twoNodesShareOneCount() {
        RedisRateLimiter first = node(PORT);
        RedisRateLimiter second = node(PORT);
        String bucket = bucket("api:user:42");

        assertThat(first.hit(bucket, 4, MINUTE).remaining()).isEqualTo(3);
        assertThat(second.hit(bucket, 4, MINUTE).remaining()).isEqualTo(2);
        assertThat(first.hit(bucket, 4, MINUTE).remaining()).isEqualTo(1);
        assertThat(second.hit(bucket, 4, MINUTE).remaining()).isZero();

        assertThat(first.hit(bucket, 4, MINUTE).allowed()).isFalse();
        assertThat(second.hit(bucket, 4, MINUTE).allowed()).isFalse();
    }

    @Test
    void allowsExactlyTheLimitUnderConcurrentHitsFromTwoNodes() throws Exception {
        List<RedisRateLimiter> nodes = List.of(node(PORT), node(PORT));
        String bucket = bucket("api:user:busy");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                RedisRateLimiter node = nodes.get(t % 2);
                tasks.add(() -> {
                    int allowed = 0;
                    for (int i = 0; i < 50; i++) {
                        allowed += node.hit(bucket, 150, MINUTE).allowed() ? 1 : 0;
                    }
                    return allowed;
                });
            }
            int allowed = 0;
            for (Future<Integer> result : threads.invokeAll(tasks)) {
                allowed += result.get();
            }
            assertThat(allowed).isEqualTo(150);
        } finally {
            threads.shutdownNow();
        }
        assertThat(nodes).noneMatch(RedisRateLimiter::isDegraded);
    }

    @Test
    void aNewWindowStartsWhenTheOldOneExpires() {
        RedisRateLimiter limiter = node(PORT);
        String bucket = bucket("login:email:soon@b.c");
        Duration window = Duration.ofSeconds(1);
        long start = System.nanoTime();

        assertThat(limiter.hit(bucket, 1, window).allowed()).isTrue();
        Decision refused = limiter.hit(bucket, 1, window);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);

        // refused hits while polling must not push the end of the window out
        Decision later = pollUntil(Duration.ofSeconds(5), () -> limiter.hit(bucket, 1, window), Decision::allowed);

        assertThat(later).isEqualTo(new Decision(true, 0, 0));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(990))
                .isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void oddAndHugeBucketsMakeBoundedKeysOfTheirOwn() {
        RedisRateLimiter limiter = node(PORT);
        String colonEmail = bucket("login:email:evil:ip:1.2.3.4");
        String ip = bucket("login:ip:1.2.3.4");
        String huge = bucket("login:email:" + "x".repeat(10_240) + "@b.c");

        limiter.hit(colonEmail, 1, MINUTE);
        limiter.hit(huge, 1, MINUTE);

        assertThat(limiter.hit(colonEmail, 1, MINUTE).allowed()).isFalse();
        assertThat(limiter.hit(huge, 1, MINUTE).allowed()).isFalse();
        assertThat(limiter.hit(ip, 1, MINUTE).allowed()).isTrue();
        try (Jedis jedis = redis()) {
            String hugeKey = RateLimitKeys.of(huge);
            assertThat(hugeKey).hasSizeLessThanOrEqualTo(RateLimitKeys.MAX_KEY_LENGTH);
            assertThat(jedis.get(hugeKey)).isEqualTo("2");
            assertThat(jedis.get(RateLimitKeys.of(colonEmail))).isEqualTo("2");
            assertThat(jedis.get(RateLimitKeys.of(ip))).isEqualTo("1");
        }
    }

    @Test
    void limitsInThisNodeWhenNothingListensWhereRedisShouldBe() throws IOException {
        RedisRateLimiter limiter = node(deadPort());
        String bucket = bucket("login:ip:1.2.3.4");

        assertThat(limiter.hit(bucket, 2, MINUTE)).isEqualTo(new Decision(true, 1, 0));
        assertThat(limiter.hit(bucket, 2, MINUTE)).isEqualTo(new Decision(true, 0, 0));
        Decision refused = limiter.hit(bucket, 2, MINUTE);

        assertThat(limiter.isDegraded()).as("open after " + RequestPathBreaker.DEFAULT_THRESHOLD + " failures").isTrue();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(limiter.hit(bucket("login:ip:1.2.3.5"), 2, MINUTE).allowed()).isTrue();
    }

    @Test
    void fallsBackWhenRedisGoesAwayAndReturnsToItWhenItAnswersAgain() {
        LoopbackProxy proxy = new LoopbackProxy(PORT);
        resources.add(proxy);
        proxy.start();
        AtomicLong probeClock = new AtomicLong();
        RedisRateLimiter limiter = new RedisRateLimiter(RedisPools.requestPath(topology(proxy.port()), TIMEOUT_MILLIS),
                new InProcessRateLimiter(), new RequestPathBreaker("proxy", 1, Duration.ofSeconds(5), probeClock::get));
        resources.add(limiter);
        String bucket = bucket("login:email:a@b.c");
        String key = RateLimitKeys.of(bucket);

        assertThat(limiter.hit(bucket, 3, MINUTE)).isEqualTo(new Decision(true, 2, 0));
        assertThat(limiter.isDegraded()).isFalse();
        assertThat(redisValue(key)).isEqualTo("1");

        proxy.stop();
        // counted in this node from here on: it does not know Redis's count of 1
        assertThat(limiter.hit(bucket, 3, MINUTE)).isEqualTo(new Decision(true, 2, 0));
        assertThat(limiter.isDegraded()).isTrue();
        assertThat(limiter.hit(bucket, 3, MINUTE)).isEqualTo(new Decision(true, 1, 0));
        assertThat(limiter.hit(bucket, 3, MINUTE)).isEqualTo(new Decision(true, 0, 0));
        assertThat(limiter.hit(bucket, 3, MINUTE).allowed()).isFalse();

        proxy.start();
        // Redis answers, but it is tried only once the probe interval has passed
        assertThat(limiter.hit(bucket, 3, MINUTE).allowed()).isFalse();
        assertThat(limiter.isDegraded()).isTrue();
        assertThat(redisValue(key)).isEqualTo("1");

        probeClock.addAndGet(Duration.ofSeconds(5).toMillis());

        assertThat(limiter.hit(bucket, 3, MINUTE)).isEqualTo(new Decision(true, 1, 0));
        assertThat(limiter.isDegraded()).isFalse();
        assertThat(redisValue(key)).isEqualTo("2");
        assertThat(limiter.hit(bucket, 3, MINUTE)).isEqualTo(new Decision(true, 0, 0));
        assertThat(redisValue(key)).isEqualTo("3");
    }

    @Test
    void aRedisThatHangsCostsOneShortTimeoutThenNothingUntilItAnswersAgain() {
        int timeoutMillis = 150;
        LoopbackProxy proxy = new LoopbackProxy(PORT);
        resources.add(proxy);
        proxy.start();
        RedisRateLimiter limiter = new RedisRateLimiter(RedisPools.requestPath(topology(proxy.port()), timeoutMillis),
                new InProcessRateLimiter(), new RequestPathBreaker("swallowing proxy", RequestPathBreaker.DEFAULT_THRESHOLD,
                        Duration.ofSeconds(1), () -> System.nanoTime() / 1_000_000));
        resources.add(limiter);
        String bucket = bucket("api:caller:hanging");
        String key = RateLimitKeys.of(bucket);
        assertThat(limiter.hit(bucket, 100, MINUTE).remaining()).isEqualTo(99);
        assertThat(redisValue(key)).isEqualTo("1");

        proxy.swallow();
        // each of the first hits waits for the short timeout at most (a new connection: connect, then a read)
        for (int i = 1; i <= RequestPathBreaker.DEFAULT_THRESHOLD; i++) {
            long took = millisOf(() -> assertThat(limiter.hit(bucket, 100, MINUTE).allowed()).isTrue());
            assertThat(took).as("hit %d while Redis hangs", i).isLessThan(2L * timeoutMillis + 500);
        }
        assertThat(limiter.isDegraded()).isTrue();
        // the breaker is open: hits are counted here without touching Redis
        for (int i = 0; i < 50; i++) {
            long took = millisOf(() -> limiter.hit(bucket, 100, MINUTE));
            assertThat(took).as("hit while the breaker is open").isLessThan(1_000L);
        }
        assertThat(redisValue(key)).isEqualTo("1");

        proxy.pass();
        // a probe goes through once the breaker's delay has passed, and Redis counts again
        pollUntil(Duration.ofSeconds(10), () -> limiter.hit(bucket, 100, MINUTE), hit -> !limiter.isDegraded());
        String counted = redisValue(key);
        limiter.hit(bucket, 100, MINUTE);
        assertThat(Long.parseLong(redisValue(key))).isEqualTo(Long.parseLong(counted) + 1);
    }

    @Test
    void theBreakerLetsOneProbeThroughPerDelay() {
        AtomicLong clock = new AtomicLong();
        RequestPathBreaker breaker = new RequestPathBreaker("test", 2, Duration.ofSeconds(5), clock::get);
        JedisException timeout = new JedisException("Read timed out");

        assertThat(breaker.allowsCall()).isTrue();
        breaker.failed(timeout);
        assertThat(breaker.isOpen()).isFalse();
        breaker.failed(timeout);
        assertThat(breaker.isOpen()).isTrue();
        assertThat(breaker.allowsCall()).isFalse();

        clock.addAndGet(5_000);
        assertThat(breaker.allowsCall()).as("the probe").isTrue();
        assertThat(breaker.allowsCall()).as("a second caller meanwhile").isFalse();
        breaker.failed(timeout);
        assertThat(breaker.allowsCall()).isFalse();

        clock.addAndGet(5_000);
        assertThat(breaker.allowsCall()).isTrue();
        breaker.succeeded();
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.allowsCall()).isTrue();
        breaker.failed(timeout);
        assertThat(breaker.isOpen()).as("failures in a row count from zero again").isFalse();
    }

    private static long millisOf(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private RedisRateLimiter node(int port) {
        RedisRateLimiter limiter = RedisRateLimiter.create(topology(port), TIMEOUT_MILLIS);
        resources.add(limiter);
        return limiter;
    }

    private String bucket(String name) {
        String bucket = run + name;
        buckets.add(bucket);
        return bucket;
    }

    private static RedisTopology topology(int port) {
        return RedisTopology.parse(redisUri(port).toString());
    }

    private static URI redisUri(int port) {
        return URI.create("redis://" + HOST + ":" + port + "/" + DATABASE);
    }

    private static Jedis redis() {
        return new Jedis(redisUri(PORT), TIMEOUT_MILLIS);
    }

    private static String redisValue(String key) {
        try (Jedis jedis = redis()) {
            return jedis.get(key);
        }
    }

    /** A loopback port nobody listens on: taken from the system, then let go. */
    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static <T> T pollUntil(Duration timeout, Callable<T> attempt, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                T value = attempt.call();
                if (done.test(value)) {
                    return value;
                }
                if (System.nanoTime() > deadline) {
                    return fail("still not there after " + timeout + ": " + value);
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while polling", e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
