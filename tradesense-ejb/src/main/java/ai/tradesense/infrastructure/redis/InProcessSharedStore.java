package ai.tradesense.infrastructure.redis;

import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import ai.tradesense.application.SharedStore;

/** The embedded-mode stand-in for Redis: the same operations, kept in this JVM for one node. */
final class InProcessSharedStore implements SharedStore {

    private final Map<String, Deque<String>> queues = new ConcurrentHashMap<>();

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

    Deque<String> queue(String name) {
        return queues.computeIfAbsent(name, key -> new ConcurrentLinkedDeque<>());
    }
}
