package ai.tradesense.interfaces.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.websocket.CloseReason;

import org.junit.jupiter.api.Test;

class OutboxTest {

    @Test
    void sendsOneMessageAtATimeInOrder() {
        FakeSession client = new FakeSession();
        Outbox outbox = new Outbox(client.session);

        outbox.send("a");
        outbox.send("b");
        outbox.send("c");

        assertThat(client.sent).containsExactly("a");
        client.deliver();
        assertThat(client.sent).containsExactly("a", "b");
        client.deliver();
        client.deliver();
        assertThat(client.sent).containsExactly("a", "b", "c");
        assertThat(client.closed).isNull();
    }

    @Test
    void closesAClientThatFallsTooFarBehindWithTryAgainLater() {
        FakeSession slow = new FakeSession();
        Outbox outbox = new Outbox(slow.session);

        // One message is in flight and never taken; the queue behind it fills up.
        for (int i = 0; i <= Outbox.MAX_PENDING + 1; i++) {
            outbox.send("m" + i);
        }

        assertThat(slow.closed).isNotNull();
        assertThat(slow.closed.getCloseCode()).isEqualTo(CloseReason.CloseCodes.TRY_AGAIN_LATER);
        assertThat(slow.closed.getReasonPhrase()).contains("too slow");
        assertThat(slow.sent).hasSize(1);
    }

    @Test
    void aSlowClientDoesNotHoldUpAnother() {
        FakeSession slow = new FakeSession();
        FakeSession fast = new FakeSession();
        Outbox slowOutbox = new Outbox(slow.session);
        Outbox fastOutbox = new Outbox(fast.session);

        for (int i = 0; i < 10; i++) {
            slowOutbox.send("m" + i);
            fastOutbox.send("m" + i);
            fast.deliver();
        }

        assertThat(fast.sent).hasSize(10);
        assertThat(slow.sent).hasSize(1);
    }

    @Test
    void pingsALiveClientAndDropsOneThatStoppedAnswering() {
        FakeSession live = new FakeSession();
        FakeSession silent = new FakeSession();
        long now = System.nanoTime();
        live.properties.put(LiveSessions.class.getName() + ".lastSeen", new AtomicLong(now));
        silent.properties.put(LiveSessions.class.getName() + ".lastSeen",
                new AtomicLong(now - TimeUnit.SECONDS.toNanos(LiveSessions.SILENT_SECONDS + 1)));
        long silentLimit = now - TimeUnit.SECONDS.toNanos(LiveSessions.SILENT_SECONDS);

        LiveSessions.ping(live.session, silentLimit);
        LiveSessions.ping(silent.session, silentLimit);

        assertThat(live.pings).isEqualTo(1);
        assertThat(live.closed).isNull();
        assertThat(silent.pings).isZero();
        assertThat(silent.closed.getCloseCode()).isEqualTo(CloseReason.CloseCodes.GOING_AWAY);
    }
}
