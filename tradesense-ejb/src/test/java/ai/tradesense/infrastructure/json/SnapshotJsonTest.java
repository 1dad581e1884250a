package ai.tradesense.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import ai.tradesense.application.challenge.ChallengeSnapshot;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.infrastructure.json.PlanCatalogue;
import ai.tradesense.domain.rules.AccountState;
import ai.tradesense.domain.rules.ChallengeStatus;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.RuleSet;
import ai.tradesense.domain.rules.Side;

class SnapshotJsonTest {

    private static final Instant START = Instant.parse("2026-03-02T14:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00.987654321Z");

    private static Challenge start(RuleSet rules, String plan) {
        return Challenge.start("c-42", plan, 2, rules, "trader-7", START, START);
    }

    private static void open(Challenge challenge, RuleSet rules, String id, String at) {
        challenge.apply(rules, new Event.TradeOpened(id, Instant.parse(at), "NQ", Side.BUY, new BigDecimal("1"),
                new BigDecimal("18250.25")), NOW);
    }

    private static void close(Challenge challenge, RuleSet rules, String id, String at, String profit) {
        challenge.apply(rules, new Event.TradeClosed(id, Instant.parse(at), new BigDecimal("18260.00"),
                new BigDecimal(profit)), NOW);
    }

    private static void equity(Challenge challenge, RuleSet rules, String at, String equity) {
        challenge.apply(rules, new Event.EquityUpdate(null, Instant.parse(at), new BigDecimal(equity)), NOW);
    }

    private static JsonObject json(Challenge challenge, RuleSet rules) {
        return SnapshotJson.write(ChallengeSnapshot.of(challenge, rules));
    }

    @Test
    void showsEveryFieldOfTheStateShape() {
        RuleSet rules = PlanCatalogue.rules("two-step-100k");

        JsonObject json = json(start(rules, "two-step-100k"), rules);

        assertThat(json.keySet()).containsExactlyInAnyOrder("id", "planCode", "planVersion", "traderId", "status",
                "phase", "balance", "equity", "dayStartBalance", "dayStartEquity", "dailyLossFloor", "maxLossFloor",
                "profitTargetBalance", "dailyLossRoom", "maxLossRoom", "profitTargetProgressPct", "tradingDays",
                "bestDayProfit", "openTrades", "failure", "seq", "startedAt", "phaseStartedAt", "dayStartedAt", "nextDayStartsAt", "pausedUntil", "updatedAt");
        assertThat(json.getJsonObject("phase").keySet()).containsExactlyInAnyOrder("index", "name", "kind");
    }

    @Test
    void showsIdentityStatusAndPhaseOfANewChallenge() {
        RuleSet rules = PlanCatalogue.rules("two-step-100k");

        JsonObject json = json(start(rules, "two-step-100k"), rules);

        assertThat(json.getString("id")).isEqualTo("c-42");
        assertThat(json.getString("planCode")).isEqualTo("two-step-100k");
        assertThat(json.getInt("planVersion")).isEqualTo(2);
        assertThat(json.getString("traderId")).isEqualTo("trader-7");
        assertThat(json.getString("status")).isEqualTo("ACTIVE");
        assertThat(json.getJsonObject("phase").toString())
                .isEqualTo("{\"index\":0,\"name\":\"Challenge\",\"kind\":\"EVALUATION\"}");
        assertThat(json.isNull("failure")).isTrue();
        assertThat(json.isNull("pausedUntil")).isTrue();
        assertThat(json.getInt("seq")).isZero();
    }

    @Test
    void writesMoneyAsPlainNumbersWithoutTrailingZeros() {
        RuleSet rules = PlanCatalogue.rules("two-step-100k");

        JsonObject json = json(start(rules, "two-step-100k"), rules);

        assertThat(json.get("balance").toString()).isEqualTo("100000");
        assertThat(json.get("equity").toString()).isEqualTo("100000");
        assertThat(json.get("dayStartBalance").toString()).isEqualTo("100000");
        assertThat(json.get("dailyLossFloor").toString()).isEqualTo("95000");
        assertThat(json.get("maxLossFloor").toString()).isEqualTo("90000");
        assertThat(json.get("profitTargetBalance").toString()).isEqualTo("110000");
        assertThat(json.get("bestDayProfit").toString()).isEqualTo("0");
    }

    @Test
    void writesCentsWithoutTrailingZeros() {
        RuleSet rules = PlanCatalogue.rules("two-step-100k");
        Challenge challenge = start(rules, "two-step-100k");
        open(challenge, rules, "t-1", "2026-03-02T14:05:00Z");
        close(challenge, rules, "t-1", "2026-03-02T14:10:00Z", "250.50");

        JsonObject json = json(challenge, rules);

        assertThat(json.get("balance").toString()).isEqualTo("100250.5");
        assertThat(json.get("bestDayProfit").toString()).isEqualTo("250.5");
        assertThat(json.getInt("tradingDays")).isEqualTo(1);
        assertThat(json.getInt("seq")).isEqualTo(2);
    }

    @Test
    void writesASmallProfitAsAPlainNumber() {
        RuleSet rules = PlanCatalogue.rules("two-step-100k");
        Challenge challenge = start(rules, "two-step-100k");
        open(challenge, rules, "t-1", "2026-03-02T14:05:00Z");
        close(challenge, rules, "t-1", "2026-03-02T14:10:00Z", "0.00000005");

        JsonObject json = json(challenge, rules);

        assertThat(json.get("bestDayProfit").toString()).isEqualTo("0.00000005");
    }

    @Test
    void writesTimesAsUtcIsoStrings() {
        RuleSet rules = PlanCatalogue.rules("futures-50k");
        Challenge challenge = start(rules, "futures-50k");
        equity(challenge, rules, "2026-03-02T14:30:00Z", "50010");

        JsonObject json = json(challenge, rules);

        assertThat(json.getString("startedAt")).isEqualTo("2026-03-02T14:00:00Z");
        assertThat(json.getString("phaseStartedAt")).isEqualTo("2026-03-02T14:00:00Z");
        // futures-50k days start at 17:00 in Chicago, 23:00 UTC in winter.
        assertThat(json.getString("dayStartedAt")).isEqualTo("2026-03-01T23:00:00Z");
        assertThat(json.getString("nextDayStartsAt")).isEqualTo("2026-03-02T23:00:00Z");
        assertThat(json.getString("updatedAt")).isEqualTo("2026-03-02T15:00:00.987654Z");
    }

    @Test
    void showsOpenTradesAndThePauseOfADailyLossBreach() {
        RuleSet rules = PlanCatalogue.rules("futures-50k");
        Challenge challenge = start(rules, "futures-50k");
        open(challenge, rules, "t-1", "2026-03-02T14:05:00Z");
        open(challenge, rules, "t-2", "2026-03-02T14:06:00Z");
        equity(challenge, rules, "2026-03-02T14:30:00Z", "48999.50");

        JsonObject json = json(challenge, rules);

        assertThat(json.getString("status")).isEqualTo("PAUSED");
        assertThat(json.getInt("openTrades")).isEqualTo(2);
        assertThat(json.getString("pausedUntil")).isEqualTo("2026-03-02T23:00:00Z");
        assertThat(json.get("equity").toString()).isEqualTo("48999.5");
        assertThat(json.isNull("failure")).isTrue();
    }

    @Test
    void showsTheFailureOfAMaxLossBreach() {
        RuleSet rules = PlanCatalogue.rules("intraday-50k");
        Challenge challenge = start(rules, "intraday-50k");
        open(challenge, rules, "t-1", "2026-03-02T14:05:00Z");
        equity(challenge, rules, "2026-03-02T14:10:00Z", "50400.00");
        equity(challenge, rules, "2026-03-02T14:20:00Z", "47899.99");

        JsonObject json = json(challenge, rules);

        assertThat(challenge.status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(json.getString("status")).isEqualTo("FAILED");
        assertThat(json.getJsonObject("failure").toString()).isEqualTo(
                "{\"rule\":\"MAX_LOSS\",\"at\":\"2026-03-02T14:20:00Z\",\"floor\":47900,\"equity\":47899.99}");
        assertThat(json.get("maxLossFloor").toString()).isEqualTo("47900");
        assertThat(json.isNull("dailyLossFloor")).as("intraday-50k has no daily loss rule").isTrue();
    }

    @Test
    void showsNoProfitTargetInAFundedPhase() {
        RuleSet rules = PlanCatalogue.rules("intraday-50k");
        Challenge challenge = start(rules, "intraday-50k");
        open(challenge, rules, "t-1", "2026-03-02T14:05:00Z");
        close(challenge, rules, "t-1", "2026-03-02T14:10:00Z", "3000.00");

        JsonObject json = json(challenge, rules);

        assertThat(json.getJsonObject("phase").toString())
                .isEqualTo("{\"index\":1,\"name\":\"Funded\",\"kind\":\"FUNDED\"}");
        assertThat(json.isNull("profitTargetBalance")).isTrue();
        assertThat(json.get("balance").toString()).isEqualTo("50000");
    }

    @Test
    void showsASimulationWithoutIdentity() {
        RuleSet rules = PlanCatalogue.rules("two-step-100k");
        AccountState state = AccountState.start(rules, START);

        JsonObject json = SnapshotJson.write(ChallengeSnapshot.of(null, null, null, null, rules, state, 0, START, START));

        assertThat(json.isNull("id")).isTrue();
        assertThat(json.isNull("planCode")).isTrue();
        assertThat(json.isNull("planVersion")).isTrue();
        assertThat(json.isNull("traderId")).isTrue();
        assertThat(json.get("balance").toString()).isEqualTo("100000");
    }
}
