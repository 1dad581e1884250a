package ai.tradesense.interfaces.rest.challenges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Violation;
import ai.tradesense.domain.rules.Event;

/** Live ingestion takes the platform's events, never a PAYOUT (docs/rules.md §20.5). */
class EventRequestsTest {

    @Test
    void aPayoutFromThePlatformIsRefusedAsUnacceptableNamingItsType() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> EventRequests.read(
                "[{\"type\":\"CLOCK\",\"at\":\"2030-01-01T00:00:00Z\"},"
                        + "{\"type\":\"PAYOUT\",\"at\":\"2030-01-01T00:00:00Z\",\"amount\":100}]"));

        assertThat(e).isNotNull();
        assertThat(e.isMalformed()).isFalse();
        assertThat(e.violations()).extracting(Violation::path).containsExactly("[1].type");
        assertThat(e.violations().get(0).message()).contains("/api/v1/challenges/{id}/payouts");
    }

    @Test
    void aBridgePayoutIsRefusedToo() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> EventRequests.readBridge(
                "{\"events\":[{\"challengeId\":\"c-1\",\"type\":\"PAYOUT\",\"at\":\"2030-01-01T00:00:00Z\"}]}"));

        assertThat(e.violations()).extracting(Violation::path).containsExactly("events[0].type");
    }

    @Test
    void theOtherEventsAreReadAsBefore() {
        assertThat(EventRequests.read("{\"type\":\"CLOCK\",\"at\":\"2030-01-01T00:00:00Z\"}").events())
                .singleElement().isInstanceOf(Event.Clock.class);
    }
}
