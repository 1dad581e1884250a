package ai.tradesense.infrastructure.redis;

import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import ai.tradesense.application.SharedStore;

/** The embedded-mode stand-in for Redis: the same operations, kept in this JVM for one node. */
final class InProcessSharedStore implements SharedStore {

    private final Map<String, Deque<String>> queues = new ConcurrentHashMap<>();
    private final Map<String, Set<Consumer<String>>> listeners = new ConcurrentHashMap<>();

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
        Deque<String> entries = queues.get(queue);
        return entries == null ? 0 : entries.size();
    }

    @Override
    public boolean publish(String channel, String message) {
        listeners.getOrDefault(channel, Set.of()).forEach(listener -> listener.accept(message));
        return true;
    }

    @Override
    public AutoCloseable subscribe(String channel, Consumer<String> listener) {
        listeners.computeIfAbsent(channel, key -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.getOrDefault(channel, Set.of()).remove(listener);
    }

    Deque<String> queue(String name) {
        return queues.computeIfAbsent(name, key -> new ConcurrentLinkedDeque<>());
    }
}
