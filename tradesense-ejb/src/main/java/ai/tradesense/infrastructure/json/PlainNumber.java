package ai.tradesense.infrastructure.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

import jakarta.json.JsonNumber;

/**
 * A JSON number written in plain notation: 0.00000005, never 5E-8, and without trailing zeros, so
 * money reads as the exact figure it is.
 */
public final class PlainNumber implements JsonNumber {

    private final BigDecimal value;

    private PlainNumber(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        this.value = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static JsonNumber of(BigDecimal value) {
        return new PlainNumber(Objects.requireNonNull(value, "value"));
    }

    @Override
    public boolean isIntegral() {
        return value.scale() == 0;
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public int intValueExact() {
        return value.intValueExact();
    }

    @Override
    public long longValue() {
        return value.longValue();
    }

    @Override
    public long longValueExact() {
        return value.longValueExact();
    }

    @Override
    public BigInteger bigIntegerValue() {
        return value.toBigInteger();
    }

    @Override
    public BigInteger bigIntegerValueExact() {
        return value.toBigIntegerExact();
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public BigDecimal bigDecimalValue() {
        return value;
    }

    @Override
    public ValueType getValueType() {
        return ValueType.NUMBER;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonNumber number && value.compareTo(number.bigDecimalValue()) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
