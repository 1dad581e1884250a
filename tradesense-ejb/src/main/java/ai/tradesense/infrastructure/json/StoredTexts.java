package ai.tradesense.infrastructure.json;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A converter's texts and the immutable values they stand for, so a challenge's state documents are
 * neither parsed nor written more often than they change.
 *
 * <p>Without change tracking by weaving, EclipseLink tells a changed attribute by converting the loaded
 * and the new value to their texts, and converts the new one again for the row; and the ingestion writer
 * reads back, in its next transaction, the texts it wrote in the last. Two memories serve that:
 * <ul>
 *   <li>the texts each thread read or wrote lately, by the value's identity (up to {@link #RECENT} a
 *       thread: a shared transaction holds a thousand challenges or more), so comparing and writing
 *       convert each value once;</li>
 *   <li>the values written lately, by their text (up to {@link #WRITTEN}, forgotten once read back, so
 *       it holds about one per challenge written and not read since), so the next transaction's read of
 *       a challenge finds its state without parsing it.</li>
 * </ul>
 * Only for values that never change (records of immutable parts): a value is taken to stay its text,
 * and one value may stand for two rows with the same text.
 */
final class StoredTexts<T> {

    static final int RECENT = 4096;
    static final int WRITTEN = 20_000;

    private final Function<T, String> write;
    private final Function<String, T> read;
    private final Map<String, T> written = new ConcurrentHashMap<>();
    private final ThreadLocal<Recent> recent = ThreadLocal.withInitial(Recent::new);

    StoredTexts(Function<T, String> write, Function<String, T> read) {
        this.write = write;
        this.read = read;
    }

    /** The text of {@code value}, written once per value. */
    String text(T value) {
        if (value == null) {
            return null;
        }
        Recent mine = recent.get();
        String text = mine.texts.get(value);
        if (text == null) {
            text = write.apply(value);
            mine.remember(value, text);
            if (written.size() >= WRITTEN) {
                written.clear();
            }
            written.put(text, value);
        }
        return text;
    }

    /** The value of {@code text}: the one written as it lately, or parsed. */
    T value(String text) {
        if (text == null) {
            return null;
        }
        T value = written.remove(text);
        if (value == null) {
            value = read.apply(text);
        }
        recent.get().remember(value, text);
        return value;
    }

    /** The last {@link #RECENT} values of one thread and their texts, by identity. */
    private static final class Recent {
        private final Map<Object, String> texts = new IdentityHashMap<>();
        private final Object[] order = new Object[RECENT];
        private int next;

        void remember(Object value, String text) {
            if (texts.put(value, text) != null) {
                return;
            }
            Object oldest = order[next];
            if (oldest != null) {
                texts.remove(oldest);
            }
            order[next] = value;
            next = (next + 1) % RECENT;
        }
    }
}
