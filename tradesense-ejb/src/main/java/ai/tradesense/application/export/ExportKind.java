package ai.tradesense.application.export;

import java.util.List;

/**
 * What can be exported, each with its columns in order (docs/api.md lists them). A new kind is one entry
 * here and one query in the repository.
 */
public enum ExportKind {
    CHALLENGES("challengeId", "planCode", "planVersion", "traderId", "status", "phaseIndex", "balance", "equity",
            "seq", "startedAt", "createdAt", "updatedAt"),
    TRADES("challengeId", "tradeId", "planCode", "traderId", "phaseIndex", "symbol", "side", "volume", "openPrice",
            "openedAt", "closePrice", "profit", "closedAt"),
    EVENTS("challengeId", "seq", "type", "eventId", "at", "planCode", "phaseIndex", "balance", "equity", "event",
            "outcomes", "receivedAt"),
    AUDIT("challengeId", "seq", "kind", "at", "actor", "planCode", "content", "previousHash", "hash"),
    ALERTS("alertId", "challengeId", "planCode", "kind", "severity", "message", "data", "raisedAt", "acknowledgedAt",
            "acknowledgedBy", "note"),
    PAYOUTS("payoutId", "challengeId", "traderId", "planCode", "planVersion", "currency", "amount", "traderShare",
            "firmShare", "status", "requestedAt", "requestedBy", "firstApprovedBy", "decidedAt", "decidedBy",
            "reason", "paidAt");

    private final List<String> columns;

    ExportKind(String... columns) {
        this.columns = List.of(columns);
    }

    public List<String> columns() {
        return columns;
    }
}
