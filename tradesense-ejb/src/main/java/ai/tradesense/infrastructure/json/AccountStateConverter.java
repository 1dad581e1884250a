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

    @Override
    public String convertToDatabaseColumn(AccountState state) {
        if (state == null) {
            return null;
        }
        String text = StoredTexts.remembered(state);
        if (text == null) {
            text = RecordJson.write(state).toString();
            StoredTexts.remember(state, text);
        }
        return text;
    }

    @Override
    public AccountState convertToEntityAttribute(String text) {
        if (text == null) {
            return null;
        }
        AccountState state = RecordJson.read(StrictJson.parse(text).asJsonObject(), AccountState.class);
        StoredTexts.remember(state, text);
        return state;
    }
}
