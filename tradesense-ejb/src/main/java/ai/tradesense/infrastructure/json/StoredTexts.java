package ai.tradesense.infrastructure.json;

/**
 * The stored texts of the last few immutable values this thread converted, found by identity. Without
 * change tracking by weaving, EclipseLink tells a changed attribute by converting the new and the loaded
 * value and then converts the new one again for the row: remembering them keeps it at one conversion per
 * load and one per change, as when the entity held the text itself.
 */
final class StoredTexts {

    private static final int SIZE = 8;
    private static final ThreadLocal<StoredTexts> OF_THREAD = ThreadLocal.withInitial(StoredTexts::new);

    private final Object[] values = new Object[SIZE];
    private final String[] texts = new String[SIZE];
    private int next;

    private StoredTexts() {
    }

    /** The text {@code value} was read from or written as on this thread lately, or null. */
    static String remembered(Object value) {
        StoredTexts recent = OF_THREAD.get();
        for (int i = 0; i < SIZE; i++) {
            if (recent.values[i] == value) {
                return recent.texts[i];
            }
        }
        return null;
    }

    /** Only for values that never change: the text is taken to stay theirs. */
    static void remember(Object value, String text) {
        StoredTexts recent = OF_THREAD.get();
        recent.values[recent.next] = value;
        recent.texts[recent.next] = text;
        recent.next = (recent.next + 1) % SIZE;
    }
}
