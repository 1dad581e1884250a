package ai.tradesense.infrastructure.redis;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.Notification;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.ObjectName;

/**
 * The embedded-mode stand-in for Redis: the same operations, kept in this JVM for one node. The data
 * lives in one {@link LocalStore} per JVM, reached through the platform MBean server, so the API and
 * the worker WARs of one node share it (each WAR has its own copy of this class, so a static field
 * would not be shared).
 */
final class InProcessSharedStore implements Store {

    private static final Logger LOG = Logger.getLogger(InProcessSharedStore.class.getName());
    static final ObjectName NAME = name("ai.tradesense:type=LocalStore");

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    InProcessSharedStore() {
        try {
            server.registerMBean(new LocalStore(), NAME);
        } catch (InstanceAlreadyExistsException e) {
            LOG.log(Level.FINE, "the local store of this JVM exists already");
        } catch (JMException e) {
            throw new IllegalStateException("cannot register the local store", e);
        }
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T call(String operation, Object[] arguments, String[] signature) {
        try {
            return (T) server.invoke(NAME, operation, arguments, signature);
        } catch (JMException e) {
            throw new IllegalStateException("the local store failed: " + operation, e);
        }
    }

    private static final String TEXT = String.class.getName();
    private static final String LONG = long.class.getName();

    @Override
    public boolean isShared() {
        return false;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    /** Nothing is measured for the in-process store; its entries live in the JVM heap. */
    @Override
    public long usedMemoryBytes() {
        return 0;
    }

    @Override
    public long queueLength(String queue) {
        Long length = call("length", new Object[] {queue}, new String[] {TEXT});
        return length;
    }

    @Override
    public boolean publish(String channel, String message) {
        call("publish", new Object[] {channel, message}, new String[] {TEXT, TEXT});
        return true;
    }

    @Override
    public AutoCloseable subscribe(String channel, Consumer<String> listener) {
        NotificationListener relay = (notification, handback) -> listener.accept((String) notification.getUserData());
        NotificationFilter filter = (Notification notification) -> channel.equals(notification.getType());
        try {
            server.addNotificationListener(NAME, relay, filter, null);
        } catch (JMException e) {
            throw new IllegalStateException("cannot listen on " + channel, e);
        }
        return () -> server.removeNotificationListener(NAME, relay, filter, null);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(call("get", new Object[] {key}, new String[] {TEXT}));
    }

    @Override
    public boolean set(String key, String value, Duration ttl) {
        call("set", new Object[] {key, value, ttl.toMillis()}, new String[] {TEXT, TEXT, LONG});
        return true;
    }

    @Override
    public boolean setIfAbsent(String key, String value, Duration ttl) {
        return call("setIfAbsent", new Object[] {key, value, ttl.toMillis()}, new String[] {TEXT, TEXT, LONG});
    }

    @Override
    public boolean delete(String key) {
        call("delete", new Object[] {key}, new String[] {TEXT});
        return true;
    }

    @Override
    public long increment(String key, long by, Duration ttl) {
        return call("increment", new Object[] {key, by, ttl.toMillis()}, new String[] {TEXT, LONG, LONG});
    }

    @Override
    public boolean hashSetIfAbsent(String key, String field, String value, Duration ttl) {
        return call("hashSetIfAbsent", new Object[] {key, field, value, ttl.toMillis()},
                new String[] {TEXT, TEXT, TEXT, LONG});
    }

    @Override
    public Map<String, String> hash(String key) {
        return call("hash", new Object[] {key}, new String[] {TEXT});
    }

    @Override
    public void push(String queue, List<String> items) {
        call("push", new Object[] {queue, items.toArray(String[]::new)}, new String[] {TEXT, String[].class.getName()});
    }

    @Override
    public Optional<String> claim(String queue, Duration lease) {
        return Optional.ofNullable(call("claim", new Object[] {queue, lease.toMillis()}, new String[] {TEXT, LONG}));
    }

    @Override
    public void complete(String queue, String item) {
        call("complete", new Object[] {queue, item}, new String[] {TEXT, TEXT});
    }

    @Override
    public int requeueExpired(String queue) {
        return call("requeueExpired", new Object[] {queue}, new String[] {TEXT});
    }

    @Override
    public void clear(String queue) {
        call("clear", new Object[] {queue}, new String[] {TEXT});
    }
}
