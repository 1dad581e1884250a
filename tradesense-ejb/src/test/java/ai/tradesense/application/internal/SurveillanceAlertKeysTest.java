package ai.tradesense.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import ai.tradesense.domain.rules.surveillance.Finding;

/** A finding's alert is de-duplicated per (kind, day, accounts): the same set again is the same key. */
class SurveillanceAlertKeysTest {

    private static Finding copy(String day, String... accounts) {
        return new Finding.CopyTrading(LocalDate.parse(day), new TreeSet<>(List.of(accounts)),
                new TreeSet<>(List.of("u1", "u2")), 5, List.of());
    }

    @Test
    void theSameAccountsOnTheSameDayHaveOneKeyWhateverTheirOrder() {
        assertThat(DefaultSurveillanceScan.dedupeKey(copy("2026-12-01", "c2", "c1")))
                .isEqualTo(DefaultSurveillanceScan.dedupeKey(copy("2026-12-01", "c1", "c2")))
                .startsWith("COPY_TRADING:2026-12-01:")
                .hasSizeLessThanOrEqualTo(160);
    }

    @Test
    void anotherDayAnotherKindOrAGrownClusterIsAnotherKey() {
        String key = DefaultSurveillanceScan.dedupeKey(copy("2026-12-01", "c1", "c2"));
        Finding hedge = new Finding.CrossHedge(LocalDate.parse("2026-12-01"), new TreeSet<>(List.of("c1", "c2")),
                new TreeSet<>(List.of("u1")), 1, List.of());

        assertThat(DefaultSurveillanceScan.dedupeKey(copy("2026-12-02", "c1", "c2"))).isNotEqualTo(key);
        assertThat(DefaultSurveillanceScan.dedupeKey(copy("2026-12-01", "c1", "c2", "c3"))).isNotEqualTo(key);
        assertThat(DefaultSurveillanceScan.dedupeKey(hedge)).isNotEqualTo(key);
    }

    @Test
    void aSharedAddressIsKeyedByAddressAndTraders() {
        Finding one = new Finding.SharedAddress(LocalDate.parse("2026-12-01"), "203.0.113.7", new TreeSet<>(),
                new TreeSet<>(List.of("u1", "u2")), 2, List.of());
        Finding other = new Finding.SharedAddress(LocalDate.parse("2026-12-01"), "203.0.113.8", new TreeSet<>(),
                new TreeSet<>(List.of("u1", "u2")), 2, List.of());

        assertThat(DefaultSurveillanceScan.dedupeKey(one)).isNotEqualTo(DefaultSurveillanceScan.dedupeKey(other));
        assertThat(DefaultSurveillanceScan.message(one)).isEqualTo("Shared address on 2026-12-01: 2 traders seen at 203.0.113.7");
    }
}
