package ai.tradesense.infrastructure.json;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import ai.tradesense.domain.rules.Compaction;

/** A challenge's compaction marks at rest: the JSON {@link RecordJson} writes, exact decimals. */
@Converter(autoApply = true)
public class MarksConverter implements AttributeConverter<Compaction.Marks, String> {

    @Override
    public String convertToDatabaseColumn(Compaction.Marks marks) {
        return marks == null ? null : RecordJson.write(marks).toString();
    }

    @Override
    public Compaction.Marks convertToEntityAttribute(String text) {
        return text == null ? null : RecordJson.read(StrictJson.parse(text).asJsonObject(), Compaction.Marks.class);
    }
}
