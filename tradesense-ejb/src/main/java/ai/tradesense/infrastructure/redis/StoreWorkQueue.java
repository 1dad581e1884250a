package ai.tradesense.infrastructure.redis;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import ai.tradesense.application.SharedStoreUnavailableException;
import ai.tradesense.application.risk.Shard;
import ai.tradesense.application.risk.WorkQueue;

/** The shards' queue, {@value Keys#RISK_SCAN}, with shards as {@link ShardJson}. */
final class StoreWorkQueue implements WorkQueue {

    private final Store store;

    StoreWorkQueue(Store store) {
        this.store = store;
    }

    @Override
    public void push(List<Shard> shards) {
        store.push(Keys.RISK_SCAN, shards.stream().map(ShardJson::write).toList());
    }

    @Override
    public Optional<Shard> claim(Duration lease) {
        return store.claim(Keys.RISK_SCAN, lease).map(ShardJson::read);
    }

    @Override
    public void complete(Shard shard) {
        store.complete(Keys.RISK_SCAN, ShardJson.write(shard));
    }

    @Override
    public int requeueExpired() {
        return store.requeueExpired(Keys.RISK_SCAN);
    }

    @Override
    public void clear() {
        store.clear(Keys.RISK_SCAN);
    }

    @Override
    public long length() {
        try {
            return store.queueLength(Keys.RISK_SCAN);
        } catch (SharedStoreUnavailableException e) {
            return 0;
        }
    }
}
