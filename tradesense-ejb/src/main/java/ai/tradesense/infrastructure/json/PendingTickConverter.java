package ai.tradesense.infrastructure.json;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import ai.tradesense.domain.rules.Event;

/** A challenge's pending tick at rest: its event document, as the event log stores events. */
@Converter(autoApply = true)
public class PendingTickConverter implements AttributeConverter<Event.EquityUpdate, String> {

    @Override
    public String convertToDatabaseColumn(Event.EquityUpdate tick) {
        return tick == null ? null : EventDocument.write(tick).toString();
    }

    @Override
    public Event.EquityUpdate convertToEntityAttribute(String text) {
        return text == null ? null : (Event.EquityUpdate) EventDocument.read(StrictJson.parse(text), "");
    }
}
