package ai.tradesense.infrastructure.json;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import ai.tradesense.domain.model.alert.AlertData;

/** Stores an alert's figures as the JSON document {@link AlertJson} writes. */
@Converter(autoApply = true)
public class AlertDataConverter implements AttributeConverter<AlertData, String> {

    @Override
    public String convertToDatabaseColumn(AlertData data) {
        return data == null ? null : AlertJson.writeData(data).toString();
    }

    @Override
    public AlertData convertToEntityAttribute(String document) {
        return document == null ? null : AlertJson.readData(StrictJson.parse(document).asJsonObject());
    }
}
