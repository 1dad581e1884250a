package ai.tradesense.domain.rules.surveillance;

import java.time.Instant;
import java.util.Objects;

/** A trader signing in from {@code address} at {@code at}. */
public record SignIn(String traderId, String address, Instant at) {

    public SignIn {
        Objects.requireNonNull(traderId, "traderId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(at, "at");
    }
}
