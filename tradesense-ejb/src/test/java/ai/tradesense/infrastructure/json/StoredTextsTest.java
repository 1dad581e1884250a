package ai.tradesense.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class StoredTextsTest {

    private record Value(BigDecimal amount) { }

    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private final StoredTexts<Value> texts = new StoredTexts<>(v -> {
        writes.incrementAndGet();
        return v.amount().toPlainString();
    }, t -> {
        reads.incrementAndGet();
        return new Value(new BigDecimal(t));
    });

    @Test
    void writesAValueOnceHoweverOftenItsTextIsAsked() {
        Value value = new Value(new BigDecimal("100000.25"));
        assertThat(texts.text(value)).isEqualTo("100000.25");
        assertThat(texts.text(value)).isEqualTo("100000.25");
        assertThat(writes).hasValue(1);
    }

    @Test
    void readsBackWhatWasWrittenWithoutParsingOnceAndParsesTheNextTime() {
        Value written = new Value(new BigDecimal("99500.10"));
        String text = texts.text(written);
        assertThat(texts.value(new String(text))).isSameAs(written);
        assertThat(reads).hasValue(0);
        Value again = texts.value(text);
        assertThat(again).isEqualTo(written).isNotSameAs(written);
        assertThat(reads).hasValue(1);
    }

    @Test
    void knowsTheTextOfAValueItRead() {
        Value read = texts.value("12.5");
        assertThat(texts.text(read)).isEqualTo("12.5");
        assertThat(writes).hasValue(0);
    }

    @Test
    void tellsEqualValuesThatAreDifferentObjectsApartByIdentityOnly() {
        Value first = new Value(new BigDecimal("1.0"));
        Value second = new Value(new BigDecimal("1.00"));
        assertThat(texts.text(first)).isEqualTo("1.0");
        assertThat(texts.text(second)).isEqualTo("1.00");
        assertThat(writes).hasValue(2);
    }

    @Test
    void forgetsTheOldestOfAThreadsValuesBeyondItsRoom() {
        Value first = new Value(BigDecimal.ONE);
        texts.text(first);
        for (int i = 0; i < StoredTexts.RECENT; i++) {
            texts.text(new Value(BigDecimal.valueOf(i + 2)));
        }
        texts.text(first);
        assertThat(writes).hasValue(StoredTexts.RECENT + 2);
    }
}
