package ai.tradesense.testsupport;

import java.util.UUID;

/** Plan documents for tests; every call makes a fresh code so tests never share data. */
public final class Plans {

    private Plans() {
    }

    public static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The example plan of DESIGN §3 under the given code. */
    public static String twoStep(String code) {
        return """
                { "code": "%s", "name": "2-Step Challenge 100k", "currency": "USD",
                  "initialBalance": 100000,
                  "dayBoundary": { "zone": "Europe/Prague", "time": "00:00" },
                  "breachWhen": "BELOW",
                  "phases": [
                    { "name": "Challenge", "kind": "EVALUATION",
                      "profitTarget": { "pct": 10 }, "requireFlat": true,
                      "minTradingDays": 4, "maxDays": null, "inactivityDays": 30,
                      "dailyLoss": { "pct": 5, "of": "INITIAL", "anchor": "DAY_START_BALANCE",
                                     "check": "INTRADAY", "onBreach": "FAIL" },
                      "maxLoss":   { "pct": 10, "mode": "STATIC", "lockAt": null },
                      "consistency": null },
                    { "name": "Verification", "profitTarget": { "pct": 5 }, "minTradingDays": 4,
                      "dailyLoss": { "pct": 5 }, "maxLoss": { "pct": 10 } },
                    { "name": "Funded", "kind": "FUNDED", "dailyLoss": { "pct": 5 }, "maxLoss": { "pct": 10 } } ] }
                """.formatted(code);
    }

    /** A one-phase futures plan with a different initial balance, for revisions. */
    public static String futures(String code, String initialBalance) {
        return """
                { "code": "%s", "name": "50K Futures", "initialBalance": %s,
                  "dayBoundary": { "zone": "America/Chicago", "time": "17:00" },
                  "phases": [ { "name": "Evaluation", "profitTarget": { "amount": 3000 },
                    "dailyLoss": { "amount": 1000, "onBreach": "PAUSE" },
                    "maxLoss": { "amount": 2000, "mode": "TRAILING_EOD_BALANCE", "lockAt": "INITIAL" } } ] }
                """.formatted(code, initialBalance);
    }
}
