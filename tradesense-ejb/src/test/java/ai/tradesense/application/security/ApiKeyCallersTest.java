package ai.tradesense.application.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import ai.tradesense.infrastructure.security.RandomSecrets;

class ApiKeyCallersTest {

    private static final Caller BRIDGE = new Caller("key-1", "mt5-bridge", Set.of(Role.PLATFORM), Set.of());

    private final List<String> checked = new ArrayList<>();

    private Function<String, Optional<Caller>> database(Caller caller) {
        return key -> {
            checked.add(key);
            return key.endsWith(".right") ? Optional.of(caller) : Optional.empty();
        };
    }

    private static ApiKeyCallers callers(int seconds) {
        ApiKeyCallers callers = new ApiKeyCallers();
        callers.cacheSeconds = seconds;
        callers.secrets = new RandomSecrets();
        return callers;
    }

    @Test
    void asksTheDatabaseOnceForAKeyThatHeld() {
        ApiKeyCallers callers = callers(5);
        assertThat(callers.authenticate("tsk_key-1.right", database(BRIDGE))).contains(BRIDGE);
        assertThat(callers.authenticate("tsk_key-1.right", database(BRIDGE))).contains(BRIDGE);
        assertThat(checked).containsExactly("tsk_key-1.right");
    }

    @Test
    void neverRemembersAKeyThatDidNotHold() {
        ApiKeyCallers callers = callers(5);
        assertThat(callers.authenticate("tsk_key-1.wrong", database(BRIDGE))).isEmpty();
        assertThat(callers.authenticate("tsk_key-1.wrong", database(BRIDGE))).isEmpty();
        assertThat(checked).hasSize(2);
    }

    @Test
    void asksAgainOnceTheKeyWasRevoked() {
        ApiKeyCallers callers = callers(5);
        callers.authenticate("tsk_key-1.right", database(BRIDGE));
        callers.forget("key-1");
        assertThat(callers.authenticate("tsk_key-1.right", key -> {
            checked.add(key);
            return Optional.empty();
        })).isEmpty();
        assertThat(checked).hasSize(2);
    }

    @Test
    void asksEveryTimeWhenTurnedOff() {
        ApiKeyCallers callers = callers(0);
        callers.authenticate("tsk_key-1.right", database(BRIDGE));
        callers.authenticate("tsk_key-1.right", database(BRIDGE));
        assertThat(checked).hasSize(2);
    }
}
