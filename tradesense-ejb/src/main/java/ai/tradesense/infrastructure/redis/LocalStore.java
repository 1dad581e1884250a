package ai.tradesense.infrastructure.redis;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;

/**
 * The in-JVM store behind {@link LocalStoreMBean}: values with expiry, counters, hashes, queues with
 * leases, and channels as JMX notifications (the notification type is the channel). One lock keeps it
 * simple; it serves one node's worker and API, not a cluster.
 */
public final class LocalStore extends NotificationBroadcasterSupport implements LocalStoreMBean {

    private record Value(String value, long expiresAt) { }

    private final Map<String, Value> values = new HashMap<>();
    private final Map<String, Map<String, String>> hashes = new HashMap<>();
    /** When each hash goes away, as Redis's PEXPIRE would make it. */
    private final Map<String, Long> hashExpiry = new HashMap<>();
    private final Map<String, Deque<String>> queues = new HashMap<>();
    private final Map<String, Map<String, Long>> inFlight = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private static final long SWEEP_MILLIS = 60_000;
    private long nextSweep;

    @Override
    public void publish(String channel, String message) {
        Notification notification = new Notification(channel, LocalStore.class.getName(), sequence.incrementAndGet());
        notification.setUserData(message);
        sendNotification(notification);
    }

    @Override
    public synchronized String get(String key) {
        Value value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value.expiresAt() <= System.currentTimeMillis()) {
            values.remove(key);
            return null;
        }
        return value.value();
    }

    @Override
    public synchronized void set(String key, String value, long ttlMillis) {
        long now = System.currentTimeMillis();
        sweep(now);
        values.put(key, new Value(value, now + ttlMillis));
    }

    /**
     * Drops what has expired. Keys written once and never read again (a cycle's bookkeeping) would
     * otherwise stay for the life of the JVM; a sweep at most once a minute keeps that bounded.
     */
    private void sweep(long now) {
        if (now < nextSweep) {
            return;
        }
        nextSweep = now + SWEEP_MILLIS;
        values.values().removeIf(v -> v.expiresAt() <= now);
        hashExpiry.entrySet().removeIf(e -> {
            boolean expired = e.getValue() <= now;
            if (expired) {
                hashes.remove(e.getKey());
            }
            return expired;
        });
    }

    @Override
    public synchronized boolean setIfAbsent(String key, String value, long ttlMillis) {
        if (get(key) != null) {
            return false;
        }
        set(key, value, ttlMillis);
        return true;
    }

    @Override
    public synchronized void delete(String key) {
        values.remove(key);
        hashes.remove(key);
        hashExpiry.remove(key);
    }

    @Override
    public synchronized long increment(String key, long by, long ttlMillis) {
        String current = get(key);
        long next = (current == null ? 0 : Long.parseLong(current)) + by;
        set(key, Long.toString(next), ttlMillis);
        return next;
    }

    @Override
    public synchronized boolean hashSetIfAbsent(String key, String field, String value, long ttlMillis) {
        long now = System.currentTimeMillis();
        sweep(now);
        hashExpiry.put(key, now + ttlMillis);
        return hashes.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(field, value) == null;
    }

    @Override
    public synchronized Map<String, String> hash(String key) {
        Long expiry = hashExpiry.get(key);
        if (expiry != null && expiry <= System.currentTimeMillis()) {
            hashes.remove(key);
            hashExpiry.remove(key);
        }
        return new HashMap<>(hashes.getOrDefault(key, Map.of()));
    }

    @Override
    public synchronized void push(String queue, String[] items) {
        Deque<String> entries = queues.computeIfAbsent(queue, k -> new ArrayDeque<>());
        for (String item : items) {
            entries.addLast(item);
        }
    }

    @Override
    public synchronized String claim(String queue, long leaseMillis) {
        Deque<String> entries = queues.get(queue);
        String item = entries == null ? null : entries.pollFirst();
        if (item != null) {
            inFlight.computeIfAbsent(queue, k -> new LinkedHashMap<>())
                    .put(item, System.currentTimeMillis() + leaseMillis);
        }
        return item;
    }

    @Override
    public synchronized void complete(String queue, String item) {
        Map<String, Long> leases = inFlight.get(queue);
        if (leases != null) {
            leases.remove(item);
        }
    }

    @Override
    public synchronized int requeueExpired(String queue) {
        Map<String, Long> leases = inFlight.get(queue);
        if (leases == null) {
            return 0;
        }
        long now = System.currentTimeMillis();
        int requeued = 0;
        for (Iterator<Map.Entry<String, Long>> it = leases.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> lease = it.next();
            if (lease.getValue() <= now) {
                it.remove();
                queues.computeIfAbsent(queue, k -> new ArrayDeque<>()).addFirst(lease.getKey());
                requeued++;
            }
        }
        return requeued;
    }

    @Override
    public synchronized long length(String queue) {
        Deque<String> entries = queues.get(queue);
        return entries == null ? 0 : entries.size();
    }

    @Override
    public synchronized void clear(String queue) {
        queues.remove(queue);
        inFlight.remove(queue);
    }
}
