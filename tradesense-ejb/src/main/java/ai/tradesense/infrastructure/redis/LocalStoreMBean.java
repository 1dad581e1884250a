package ai.tradesense.infrastructure.redis;

import java.util.Map;

/**
 * The embedded-mode stand-in for Redis, registered once per JVM on the platform MBean server so that
 * both WARs of an embedded node (the API and the worker) share one store, as they would share Redis.
 * Only JDK types cross it, because each WAR has classes of its own.
 */
public interface LocalStoreMBean {

    void publish(String channel, String message);

    String get(String key);

    void set(String key, String value, long ttlMillis);

    boolean setIfAbsent(String key, String value, long ttlMillis);

    void delete(String key);

    long increment(String key, long by, long ttlMillis);

    boolean hashSetIfAbsent(String key, String field, String value, long ttlMillis);

    Map<String, String> hash(String key);

    void push(String queue, String[] items);

    String claim(String queue, long leaseMillis);

    void complete(String queue, String item);

    int requeueExpired(String queue);

    long length(String queue);

    void clear(String queue);
}
