package ai.tradesense.infrastructure.json;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import ai.tradesense.domain.rules.Compaction;

/** A challenge's compaction marks at rest: the JSON {@link RecordJson} writes, exact decimals. */
@Converter(autoApply = true)
public class MarksConverter implements AttributeConverter<Compaction.Marks, String> {

    private static final StoredTexts<Compaction.Marks> TEXTS = new StoredTexts<>(marks -> RecordJson.write(marks).toString(),
            text -> RecordJson.read(StrictJson.parse(text).asJsonObject(), Compaction.Marks.class));

    @Override
    public String convertToDatabaseColumn(Compaction.Marks marks) {
        return TEXTS.text(marks);
    }

    @Override
    public Compaction.Marks convertToEntityAttribute(String text) {
        return TEXTS.value(text);
    }
}
