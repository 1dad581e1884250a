package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Max loss floor = reference − allowance, never decreasing, optionally capped by {@code lockAt}
 * ({@code docs/rules.md} §5).
 *
 * @param allowance a percentage of the initial balance or a fixed amount
 * @param mode      what the reference is
 * @param lockAt    the level the floor stops rising at; null when it never locks
 */
public record MaxLossRule(Allowance allowance, Mode mode, Lock lockAt) {

    public MaxLossRule {
        Objects.requireNonNull(allowance, "allowance");
        Objects.requireNonNull(mode, "mode");
    }

    /**
     * The floor for a reference, capped by {@code lockAt}; the caller keeps it from ever falling.
     * A percentage is always of the initial balance.
     */
    public BigDecimal floor(BigDecimal initial, BigDecimal reference) {
        BigDecimal floor = reference.subtract(allowance.amountOf(initial));
        if (lockAt != null) {
            floor = floor.min(lockAt.level(initial));
        }
        return floor;
    }

    public enum Mode { STATIC, TRAILING_EOD_BALANCE, TRAILING_CLOSED_BALANCE, TRAILING_INTRADAY_EQUITY }

    /** Where a trailing floor stops rising. */
    public sealed interface Lock {

        /** The level the floor stops rising at, for an account starting at {@code initial}. */
        BigDecimal level(BigDecimal initial);
        /** The floor stops at the initial balance. */
        record AtInitial() implements Lock {
            @Override
            public BigDecimal level(BigDecimal initial) {
                return initial;
            }
        }

        /** The floor stops at initial balance + {@code amount}. */
        record InitialPlus(BigDecimal amount) implements Lock {
            public InitialPlus {
                Objects.requireNonNull(amount, "amount");
            }

            @Override
            public BigDecimal level(BigDecimal initial) {
                return initial.add(amount);
            }
        }
    }
}
