package ai.tradesense.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The embedded node's stand-in for Redis: expiry, counters, hashes and the leased work queue. */
class LocalStoreTest {

    private final LocalStore store = new LocalStore();

    @Test
    void forgetsValuesAndHashesWhenTheyExpire() throws InterruptedException {
        store.set("kept", "1", 60_000);
        store.set("brief", "1", 1);
        store.hashSetIfAbsent("cycle:done", "0", "node-a", 1);
        Thread.sleep(5);

        assertThat(store.get("kept")).isEqualTo("1");
        assertThat(store.get("brief")).isNull();
        assertThat(store.hash("cycle:done")).isEmpty();
        assertThat(store.setIfAbsent("brief", "2", 60_000)).isTrue();
        assertThat(store.setIfAbsent("brief", "3", 60_000)).isFalse();
    }

    @Test
    void countsAndSetsAHashFieldOnlyOnce() {
        assertThat(store.increment("remaining", 3, 60_000)).isEqualTo(3);
        assertThat(store.increment("remaining", -1, 60_000)).isEqualTo(2);
        assertThat(store.hashSetIfAbsent("done", "4", "node-a", 60_000)).isTrue();
        assertThat(store.hashSetIfAbsent("done", "4", "node-b", 60_000)).isFalse();
        assertThat(store.hash("done")).containsEntry("4", "node-a").hasSize(1);
    }

    @Test
    void putsBackAShardWhoseLeaseRanOutAndNotOneThatWasCompleted() throws InterruptedException {
        store.push("queue", new String[] {"shard-0", "shard-1", "shard-2"});
        String lost = store.claim("queue", 1);
        String done = store.claim("queue", 1);
        store.complete("queue", done);
        Thread.sleep(5);

        assertThat(store.length("queue")).isEqualTo(1);
        assertThat(store.requeueExpired("queue")).isEqualTo(1);
        assertThat(store.length("queue")).isEqualTo(2);
        assertThat(store.claim("queue", 60_000)).as("the taken-over shard comes first").isEqualTo(lost);
        assertThat(store.claim("queue", 60_000)).isEqualTo("shard-2");
        assertThat(store.claim("queue", 60_000)).isNull();
        assertThat(lost).isEqualTo("shard-0");
        assertThat(done).isEqualTo("shard-1");
    }
}
