package ai.tradesense.infrastructure.json;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import ai.tradesense.domain.rules.RuleSet;

/**
 * Stores a plan version's rules as its canonical document (every default spelled out) and reads them
 * back as strictly as a published document, so a plan's column is the one source of its rules.
 */
@Converter(autoApply = true)
public class PlanDocumentConverter implements AttributeConverter<RuleSet, String> {

    @Override
    public String convertToDatabaseColumn(RuleSet rules) {
        return rules == null ? null : PlanDocument.write(rules).toString();
    }

    @Override
    public RuleSet convertToEntityAttribute(String document) {
        return document == null ? null : PlanDocument.read(StrictJson.parse(document), true);
    }
}
