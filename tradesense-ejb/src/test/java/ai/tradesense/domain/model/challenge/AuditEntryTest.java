package ai.tradesense.domain.model.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.tradesense.infrastructure.json.PlanCatalogue;

class AuditEntryTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:30:00Z");
    private static final String ID = "6f1c2a34-0000-4000-8000-000000000001";

    private static AuditEntry entry() {
        return AuditEntry.after(ID, 0, AuditEntry.GENESIS, AuditEntry.Kind.EVENT_APPLIED, AT, "bridge",
                "{\"seq\":1,\"type\":\"CLOCK\"}");
    }

    private static void set(AuditEntry entry, String field, Object value) throws ReflectiveOperationException {
        Field f = AuditEntry.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(entry, value);
    }

    @Test
    void startsAChallengesTrailAtSeqOneAfterGenesis() {
        Challenge challenge = Challenge.start(ID, "two-step-100k", 1, PlanCatalogue.rules("two-step-100k"), "trader-1",
                AT, AT);

        AuditEntry first = challenge.audit(AuditEntry.Kind.CHALLENGE_STARTED, AT, "api", "{}");

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(AuditEntry.GENESIS).hasSize(64).containsOnlyDigits();
        assertThat(first.challengeId()).isEqualTo(ID);
        assertThat(challenge.auditSeq()).isEqualTo(1);
    }

    @Test
    void chainsEachEntryToTheHashOfThePriorOne() {
        Challenge challenge = Challenge.start(ID, "two-step-100k", 1, PlanCatalogue.rules("two-step-100k"), "trader-1",
                AT, AT);
        List<AuditEntry> trail = new ArrayList<>();

        trail.add(challenge.audit(AuditEntry.Kind.CHALLENGE_STARTED, AT, "api", "{}"));
        trail.add(challenge.audit(AuditEntry.Kind.EVENT_APPLIED, AT.plusSeconds(1), "bridge", "{\"seq\":1}"));
        trail.add(challenge.audit(AuditEntry.Kind.PAUSED, AT.plusSeconds(1), "engine", "{\"seq\":1}"));
        trail.add(challenge.audit(AuditEntry.Kind.EVENT_APPLIED, AT.plusSeconds(2), "bridge", "{\"seq\":2}"));

        assertThat(trail).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L);
        for (int i = 1; i < trail.size(); i++) {
            assertThat(trail.get(i).previousHash()).as("entry %d", i + 1).isEqualTo(trail.get(i - 1).hash());
        }
        assertThat(trail).extracting(AuditEntry::hash).doesNotHaveDuplicates();
        assertThat(trail).allSatisfy(e -> assertThat(e.computeHash()).isEqualTo(e.hash()));
        assertThat(challenge.auditSeq()).isEqualTo(4);
    }

    @Test
    void hashesTheSameFieldsToTheSameHash() {
        assertThat(entry().hash()).isEqualTo(entry().hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void hashesADifferentPreviousHashDifferently() {
        AuditEntry other = AuditEntry.after(ID, 0, "f".repeat(64), AuditEntry.Kind.EVENT_APPLIED, AT, "bridge",
                "{\"seq\":1,\"type\":\"CLOCK\"}");

        assertThat(other.hash()).isNotEqualTo(entry().hash());
    }

    @ParameterizedTest(name = "altered {0}")
    @ValueSource(strings = {"content", "actor", "kind", "challengeId", "previousHash"})
    void detectsAnAlteredTextField(String field) throws ReflectiveOperationException {
        AuditEntry entry = entry();

        set(entry, field, "altered");

        assertThat(entry.computeHash()).isNotEqualTo(entry.hash());
    }

    @Test
    void detectsAnAlteredTime() throws ReflectiveOperationException {
        AuditEntry entry = entry();

        set(entry, "occurredAt", AT.plusNanos(1000).atOffset(ZoneOffset.UTC));

        assertThat(entry.computeHash()).isNotEqualTo(entry.hash());
    }

    @Test
    void detectsAnAlteredSeq() throws ReflectiveOperationException {
        AuditEntry entry = entry();

        set(entry, "seq", 2L);

        assertThat(entry.computeHash()).isNotEqualTo(entry.hash());
    }

    @Test
    void hashesTheSameInstantInAnotherOffsetTheSame() throws ReflectiveOperationException {
        AuditEntry entry = entry();

        // The database may hand the timestamp back in the session's zone.
        set(entry, "occurredAt", OffsetDateTime.ofInstant(AT, ZoneOffset.ofHours(2)));

        assertThat(entry.computeHash()).isEqualTo(entry.hash());
    }

    @Test
    void truncatesTheTimeToMicroseconds() {
        AuditEntry withNanos = AuditEntry.after(ID, 0, AuditEntry.GENESIS, AuditEntry.Kind.FAILED,
                Instant.parse("2026-03-02T09:30:00.123456789Z"), "engine", "{}");
        AuditEntry withMicros = AuditEntry.after(ID, 0, AuditEntry.GENESIS, AuditEntry.Kind.FAILED,
                Instant.parse("2026-03-02T09:30:00.123456Z"), "engine", "{}");

        assertThat(withNanos.occurredAt()).isEqualTo(Instant.parse("2026-03-02T09:30:00.123456Z"));
        assertThat(withNanos.hash()).isEqualTo(withMicros.hash());
    }

    @Test
    void hashesAnActorAndContentSplitAtAnotherLineBreakDifferently() {
        // The hash covers the fields joined by line breaks; moving text across that boundary must still show.
        AuditEntry original = AuditEntry.after(ID, 0, AuditEntry.GENESIS, AuditEntry.Kind.EVENT_APPLIED, AT,
                "alice", "note\n{\"seq\":1}");
        AuditEntry forged = AuditEntry.after(ID, 0, AuditEntry.GENESIS, AuditEntry.Kind.EVENT_APPLIED, AT,
                "alice\nnote", "{\"seq\":1}");

        assertThat(forged.hash()).isNotEqualTo(original.hash());
    }
}
