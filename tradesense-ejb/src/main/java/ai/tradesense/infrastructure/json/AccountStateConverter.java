package ai.tradesense.infrastructure.json;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import ai.tradesense.domain.rules.AccountState;

/**
 * A challenge's account state at rest: the JSON {@link RecordJson} writes, exact decimals and instants.
 * Listed in the persistence unit and applied to every {@code AccountState} attribute, so the entity
 * needs no JSON.
 */
@Converter(autoApply = true)
public class AccountStateConverter implements AttributeConverter<AccountState, String> {

    private static final StoredTexts<AccountState> TEXTS = new StoredTexts<>(state -> RecordJson.write(state).toString(),
            text -> RecordJson.read(StrictJson.parse(text).asJsonObject(), AccountState.class));

    @Override
    public String convertToDatabaseColumn(AccountState state) {
        return TEXTS.text(state);
    }

    @Override
    public AccountState convertToEntityAttribute(String text) {
        return TEXTS.value(text);
    }
}
