package ai.tradesense.infrastructure.redis;

import java.time.Duration;
import java.util.Optional;

import ai.tradesense.application.risk.Lease;
import ai.tradesense.application.risk.Shard;

/** A cycle's lease as a value set only when absent, expiring by itself if its cycle never ends. */
final class StoreLease implements Lease {

    private final Store store;

    StoreLease(Store store) {
        this.store = store;
    }

    @Override
    public boolean acquire(Shard.Kind kind, String cycle, Duration timeout) {
        return store.setIfAbsent(Keys.runningCycle(kind), cycle, timeout);
    }

    @Override
    public Optional<String> holder(Shard.Kind kind) {
        return store.get(Keys.runningCycle(kind));
    }

    @Override
    public void release(Shard.Kind kind) {
        store.delete(Keys.runningCycle(kind));
    }
}
