package ai.tradesense.domain.rules.surveillance;

import java.time.Instant;
import java.util.Objects;

import ai.tradesense.domain.rules.Side;

/**
 * One trade as surveillance sees it.
 *
 * @param closedAt null while the trade is still open
 * @param clientIp the address the platform reported with {@code TRADE_OPENED}, null when it sent none
 */
public record SurveilledTrade(String challengeId, String traderId, String tradeId, String symbol, Side side,
                              Instant openedAt, Instant closedAt, String clientIp) {

    public SurveilledTrade {
        Objects.requireNonNull(challengeId, "challengeId");
        Objects.requireNonNull(traderId, "traderId");
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    Finding.TradeRef ref() {
        return new Finding.TradeRef(challengeId, traderId, tradeId, symbol, side, openedAt, closedAt);
    }
}
