package ai.tradesense.infrastructure.json;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import ai.tradesense.domain.rules.Event;

/** A challenge's pending tick at rest: its event document, as the event log stores events. */
@Converter(autoApply = true)
public class PendingTickConverter implements AttributeConverter<Event.EquityUpdate, String> {

    private static final StoredTexts<Event.EquityUpdate> TEXTS = new StoredTexts<>(tick -> EventDocument.write(tick).toString(),
            text -> (Event.EquityUpdate) EventDocument.read(StrictJson.parse(text), ""));

    @Override
    public String convertToDatabaseColumn(Event.EquityUpdate tick) {
        return TEXTS.text(tick);
    }

    @Override
    public Event.EquityUpdate convertToEntityAttribute(String text) {
        return TEXTS.value(text);
    }
}
