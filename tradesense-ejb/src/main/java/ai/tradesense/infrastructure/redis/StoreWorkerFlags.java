package ai.tradesense.infrastructure.redis;

import java.time.Duration;

import ai.tradesense.application.risk.WorkerFlags;

/** The pause as a value present while it holds, {@value Keys#PAUSED}. */
final class StoreWorkerFlags implements WorkerFlags {

    private static final Duration PAUSE_KEPT = Duration.ofDays(365);

    private final Store store;

    StoreWorkerFlags(Store store) {
        this.store = store;
    }

    @Override
    public boolean paused() {
        return store.get(Keys.PAUSED).isPresent();
    }

    @Override
    public boolean pause() {
        return store.set(Keys.PAUSED, "paused", PAUSE_KEPT);
    }

    @Override
    public void resume() {
        store.delete(Keys.PAUSED);
    }
}
