package ai.tradesense.infrastructure.redis;

import java.util.function.Consumer;

import ai.tradesense.application.LiveFanOut;
import ai.tradesense.application.SharedStoreHealth;
import ai.tradesense.application.risk.CycleRecords;
import ai.tradesense.application.risk.Lease;
import ai.tradesense.application.risk.WorkQueue;
import ai.tradesense.application.risk.WorkerFlags;

/**
 * The narrow ports the application uses toward the shared store, all made over one {@link Store}: Redis
 * through the node's clients (one node, a Cluster or a Sentinel set), or the in-process stand-in of embedded mode.
 */
public final class SharedPorts {

    private final LiveFanOut fanOut;
    private final WorkQueue workQueue;
    private final Lease lease;
    private final CycleRecords cycleRecords;
    private final WorkerFlags workerFlags;
    private final SharedStoreHealth health;

    SharedPorts(Store store) {
        this.fanOut = new LiveFanOut() {
            @Override
            public boolean publish(String channel, String message) {
                return store.publish(channel, message);
            }

            @Override
            public AutoCloseable subscribe(String channel, Consumer<String> listener) {
                return store.subscribe(channel, listener);
            }
        };
        this.workQueue = new StoreWorkQueue(store);
        this.lease = new StoreLease(store);
        this.cycleRecords = new StoreCycleRecords(store);
        this.workerFlags = new StoreWorkerFlags(store);
        this.health = new SharedStoreHealth() {
            @Override
            public boolean isShared() {
                return store.isShared();
            }

            @Override
            public boolean isAvailable() {
                return store.isAvailable();
            }

            @Override
            public long usedMemoryBytes() {
                return store.usedMemoryBytes();
            }
        };
    }

    /** The ports over this JVM's in-process store, shared by both WARs of an embedded node (and by tests). */
    public static SharedPorts inProcess() {
        return new SharedPorts(new InProcessSharedStore());
    }

    public LiveFanOut fanOut() {
        return fanOut;
    }

    public WorkQueue workQueue() {
        return workQueue;
    }

    public Lease lease() {
        return lease;
    }

    public CycleRecords cycleRecords() {
        return cycleRecords;
    }

    public WorkerFlags workerFlags() {
        return workerFlags;
    }

    public SharedStoreHealth health() {
        return health;
    }
}
