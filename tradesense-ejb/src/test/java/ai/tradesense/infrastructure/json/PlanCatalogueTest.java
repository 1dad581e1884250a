package ai.tradesense.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.json.JsonObject;


import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import ai.tradesense.domain.rules.AccountState;
import ai.tradesense.domain.rules.ChallengeStatus;
import ai.tradesense.domain.rules.Evaluation;
import ai.tradesense.domain.rules.Evaluator;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.FailureRule;
import ai.tradesense.domain.rules.Outcome;
import ai.tradesense.domain.rules.PhaseKind;
import ai.tradesense.domain.rules.PhaseRules;
import ai.tradesense.domain.rules.RuleSet;
import ai.tradesense.domain.rules.Side;

/** The preset plans: each is a valid, fully spelled-out plan, and each behaves as its description says. */
class PlanCatalogueTest {

    static List<String> codes() {
        return PlanCatalogue.codes();
    }

    // ---------------------------------------------------------------- the catalogue

    @Test
    void listsThePresetsInAFixedOrder() {
        assertThat(PlanCatalogue.codes()).containsExactly(
                "two-step-100k", "one-step-100k", "futures-50k", "intraday-50k", "day-start-max-100k",
                "news-weekend-100k", "risk-stop-100k", "max-lots-100k",
                "ftmo-model-100k", "topstep-model-50k", "mff-model-50k");
    }

    @Test
    void thePayoutModelsCarryThePublishedPoliciesTheyAreModelledOn() {
        PhaseRules ftmo = PlanCatalogue.rules("ftmo-model-100k").phase(2);
        assertThat(ftmo.payout().splitPct()).isEqualByComparingTo("80");
        assertThat(ftmo.payout().firstAfterDays()).isEqualTo(14);
        assertThat(ftmo.scaling()).isEqualTo(new ai.tradesense.domain.rules.ScalingPolicy(120, new BigDecimal("10"), 2,
                new BigDecimal("25"), new BigDecimal("2000000"), new BigDecimal("90")));
        PhaseRules topstep = PlanCatalogue.rules("topstep-model-50k").phase(1);
        assertThat(topstep.payout().winningDays())
                .isEqualTo(new ai.tradesense.domain.rules.PayoutPolicy.WinningDays(5, new BigDecimal("200")));
        PhaseRules mff = PlanCatalogue.rules("mff-model-50k").phase(1);
        assertThat(mff.payout().buffer()).isEqualByComparingTo("2100");
        assertThat(mff.payout().afterPayout())
                .isEqualTo(ai.tradesense.domain.rules.PayoutPolicy.AfterPayout.LOCK_FLOOR_AT_INITIAL);
    }

    @Test
    void theConductPresetsCarryTheirConductRules() {
        var news = PlanCatalogue.rules("news-weekend-100k").phase(0).conduct();
        assertThat(news.news().onViolation()).isEqualTo(ai.tradesense.domain.rules.OnViolation.EXCLUDE);
        assertThat(news.flatBy()).hasSize(1);
        var risk = PlanCatalogue.rules("risk-stop-100k").phase(0).conduct();
        assertThat(risk.stopLoss().seconds()).isEqualTo(60);
        assertThat(risk.riskPerTrade().allowance().amountOf(new BigDecimal("100000"))).isEqualByComparingTo("2000");
        var lots = PlanCatalogue.rules("max-lots-100k").phase(0).conduct();
        assertThat(lots.maxLotsPerTrade().lots()).isEqualByComparingTo("20");
        assertThat(PlanCatalogue.rules("two-step-100k").phase(0).conduct()).isNull();
    }

    @ParameterizedTest
    @MethodSource("codes")
    void everyPresetIsAValidPlanWhoseCodeIsItsFileName(String code) {
        RuleSet rules = PlanDocument.read(StrictJson.parse(PlanCatalogue.document(code)), true);

        assertThat(rules.code()).isEqualTo(code);
        assertThat(rules.name()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("codes")
    void everyPresetSpellsOutEveryFieldInsteadOfRelyingOnDefaults(String code) {
        JsonObject shipped = StrictJson.parse(PlanCatalogue.document(code)).asJsonObject();

        // The canonical document writes every default out; a preset that left one out would differ.
        assertThat(shipped).isEqualTo(PlanDocument.write(PlanDocument.read(shipped, true)));
    }

    @Test
    void rulesComeInTheOrderOfTheCodes() {
        assertThat(PlanCatalogue.rules()).extracting(RuleSet::code).containsExactlyElementsOf(PlanCatalogue.codes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"three-step-100k", "", "../db/migration/V1__plans", "TWO-STEP-100K"})
    void refusesACodeThatIsNoPreset(String code) {
        assertThatThrownBy(() -> PlanCatalogue.document(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no preset plan");
    }

    // ---------------------------------------------------------------- two-step-100k

    @Nested
    class TwoStep {

        private final RuleSet rules = PlanCatalogue.rules("two-step-100k");

        @Test
        void isTheTwoStepPlanOfTheDesign() {
            RuleSet design = PlanDocument.read(StrictJson.parse("""
                    { "code": "design-example", "initialBalance": 100000,
                      "dayBoundary": { "zone": "Europe/Prague", "time": "00:00" },
                      "phases": [
                        { "name": "Challenge", "profitTarget": { "pct": 10 }, "minTradingDays": 4, "inactivityDays": 30,
                          "dailyLoss": { "pct": 5 }, "maxLoss": { "pct": 10 } },
                        { "name": "Verification", "profitTarget": { "pct": 5 }, "minTradingDays": 4,
                          "dailyLoss": { "pct": 5 }, "maxLoss": { "pct": 10 } },
                        { "name": "Funded", "kind": "FUNDED", "dailyLoss": { "pct": 5 }, "maxLoss": { "pct": 10 } } ] }
                    """), true);

            assertThat(rules.initialBalance()).isEqualTo(design.initialBalance());
            assertThat(rules.dayBoundary()).isEqualTo(design.dayBoundary());
            assertThat(rules.breachWhen()).isEqualTo(design.breachWhen());
            assertThat(rules.phases()).isEqualTo(design.phases());
        }

        @Test
        void holdsThePassBackUntilTheFourthTradingDay() {
            Account a = Account.start(rules, "2024-03-04T08:00")
                    .at("2024-03-04T09:00").open("t1")
                    .at("2024-03-04T10:00").close("t1", "10000");

            assertThat(a.state.balance()).isEqualByComparingTo("110000");
            assertThat(a.last).contains(new Outcome.PassHeldBack(Outcome.HoldReason.MIN_TRADING_DAYS));
            assertThat(a.state.phaseIndex()).isZero();

            a.at("2024-03-05T09:00").open("t2").close("t2", "0")
                    .at("2024-03-06T09:00").open("t3").close("t3", "0")
                    .at("2024-03-07T09:00").open("t4");
            assertThat(a.state.phaseIndex()).isZero();

            a.close("t4", "0");
            assertThat(a.state.phaseIndex()).isEqualTo(1);
        }

        @Test
        void passingTheChallengeMovesToVerificationWithAFresh100kAccount() {
            Account a = Account.start(rules, "2024-03-04T08:00");
            String[] days = {"2024-03-04", "2024-03-05", "2024-03-06", "2024-03-07"};
            for (int i = 0; i < days.length; i++) {
                a.at(days[i] + "T09:00").open("t" + i).at(days[i] + "T10:00").close("t" + i, "2500");
            }

            Instant passedAt = a.instant("2024-03-07T10:00");
            assertThat(a.last).contains(new Outcome.PhasePassed(0, 1, passedAt));
            assertThat(a.state.status()).isEqualTo(ChallengeStatus.ACTIVE);
            assertThat(rules.phase(a.state.phaseIndex()).name()).isEqualTo("Verification");
            assertThat(a.state.phaseStartedAt()).isEqualTo(passedAt);
            assertThat(a.state.balance()).isEqualByComparingTo("100000");
            assertThat(a.state.equity()).isEqualByComparingTo("100000");
            assertThat(a.state.tradingDays()).isZero();
            assertThat(a.state.profitTargetBalance(rules)).isEqualByComparingTo("105000");
            assertThat(a.state.maxLossFloor()).isEqualByComparingTo("90000");
        }
    }

    // ---------------------------------------------------------------- one-step-100k

    @Nested
    class OneStep {

        private final RuleSet rules = PlanCatalogue.rules("one-step-100k");

        @Test
        void consistencyHoldsThePassBackWhileOneDayMadeMoreThanHalfTheProfit() {
            // Trading days end at 17:00 New York, so each morning below is a new trading day.
            Account a = Account.start(rules, "2024-03-04T08:00")
                    .at("2024-03-04T09:00").open("t1").close("t1", "6000")
                    .at("2024-03-05T09:00").open("t2").close("t2", "4000");

            assertThat(a.state.balance()).isEqualByComparingTo("110000");
            assertThat(a.last).contains(new Outcome.PassHeldBack(Outcome.HoldReason.CONSISTENCY));
            assertThat(a.state.phaseIndex()).isZero();

            // 6,000 of 12,000 is exactly half: allowed, as the rule is not strict.
            a.at("2024-03-06T09:00").open("t3").close("t3", "2000");

            assertThat(a.last).contains(new Outcome.PhasePassed(0, 1, a.instant("2024-03-06T09:00")));
            assertThat(rules.phase(a.state.phaseIndex()).kind()).isEqualTo(PhaseKind.FUNDED);
            assertThat(rules.phase(a.state.phaseIndex()).consistency()).isNull();
        }

        @Test
        void maxLossFloorTrailsTheEndOfDayBalanceAndLocksAtTheInitialBalance() {
            Account a = Account.start(rules, "2024-03-04T08:00");
            assertThat(a.state.maxLossFloor()).isEqualByComparingTo("94000");

            a.at("2024-03-04T09:00").open("t1").close("t1", "3000");
            assertThat(a.state.maxLossFloor()).as("the floor moves only at the day's end").isEqualByComparingTo("94000");

            a.at("2024-03-04T17:00").clock();
            assertThat(a.state.maxLossFloor()).isEqualByComparingTo("97000");

            a.at("2024-03-05T09:00").open("t2").close("t2", "4000").at("2024-03-05T17:00").clock();
            assertThat(a.state.maxLossFloor()).as("107,000 - 6,000 capped at 100,000").isEqualByComparingTo("100000");

            a.at("2024-03-06T09:00").open("t3").close("t3", "-2000").at("2024-03-06T17:00").clock();
            assertThat(a.state.maxLossFloor()).isEqualByComparingTo("100000");
            assertThat(a.state.status()).isEqualTo(ChallengeStatus.ACTIVE);
        }

        @Test
        void failsWhenEquityFallsMoreThan3000BelowTheDayStartBalance() {
            Account a = Account.start(rules, "2024-03-04T08:00")
                    .at("2024-03-04T09:00").open("t1").close("t1", "2000")
                    .at("2024-03-04T17:00").clock()
                    .at("2024-03-05T09:00").open("t2").equity("99000");
            assertThat(a.state.status()).isEqualTo(ChallengeStatus.ACTIVE);

            a.equity("98999.99");

            assertThat(a.state.status()).isEqualTo(ChallengeStatus.FAILED);
            assertThat(a.state.failure().rule()).isEqualTo(FailureRule.DAILY_LOSS);
            assertThat(a.state.failure().floor()).isEqualByComparingTo("99000");
        }
    }

    // ---------------------------------------------------------------- futures-50k

    @Nested
    class Futures {

        private final RuleSet rules = PlanCatalogue.rules("futures-50k");

        @Test
        void aThousandLossInADayPausesTheAccountUntilTheNext1700ChicagoBoundary() {
            Account a = Account.start(rules, "2024-03-04T08:00")
                    .at("2024-03-04T09:00").open("t1")
                    .at("2024-03-04T10:00").equity("49000");
            assertThat(a.state.status()).as("exactly at the floor is no breach").isEqualTo(ChallengeStatus.ACTIVE);

            a.equity("48999.99");

            assertThat(a.state.status()).isEqualTo(ChallengeStatus.PAUSED);
            assertThat(a.state.pausedUntil()).isEqualTo(a.instant("2024-03-04T17:00"));

            a.at("2024-03-04T11:00").equity("48500").at("2024-03-04T12:00").close("t1", "-1500");
            assertThat(a.state.status()).as("a soft limit never fails").isEqualTo(ChallengeStatus.PAUSED);

            a.at("2024-03-04T16:59").clock();
            assertThat(a.state.status()).isEqualTo(ChallengeStatus.PAUSED);

            a.at("2024-03-04T17:00").clock();
            assertThat(a.state.status()).isEqualTo(ChallengeStatus.ACTIVE);
            assertThat(a.last).contains(new Outcome.Resumed(a.instant("2024-03-04T17:00")));
            assertThat(a.state.dailyLossFloor(rules)).isEqualByComparingTo("47500");
        }

        @Test
        void aPausedAccountStillFailsAtTheMaxLossFloor() {
            Account a = Account.start(rules, "2024-03-04T08:00")
                    .at("2024-03-04T09:00").open("t1")
                    .at("2024-03-04T10:00").equity("48500");
            assertThat(a.state.status()).isEqualTo(ChallengeStatus.PAUSED);

            a.equity("47999.99");

            assertThat(a.state.status()).isEqualTo(ChallengeStatus.FAILED);
            assertThat(a.state.failure().rule()).isEqualTo(FailureRule.MAX_LOSS);
            assertThat(a.state.failure().floor()).isEqualByComparingTo("48000");
        }

        @Test
        void endOfDayTrailingFloorNeverFallsAndStopsAt50000() {
            Account a = Account.start(rules, "2024-03-04T08:00");
            assertThat(a.state.maxLossFloor()).isEqualByComparingTo("48000");

            a.at("2024-03-04T09:00").open("t1").close("t1", "500").at("2024-03-04T17:00").clock();
            assertThat(a.state.maxLossFloor()).isEqualByComparingTo("48500");

            a.at("2024-03-05T09:00").open("t2").close("t2", "-700").at("2024-03-05T17:00").clock();
            assertThat(a.state.maxLossFloor()).as("a lower day's end leaves it").isEqualByComparingTo("48500");

            a.at("2024-03-06T09:00").open("t3").close("t3", "2200");
            assertThat(a.state.maxLossFloor()).as("closed profit counts only at the day's end")
                    .isEqualByComparingTo("48500");
            a.at("2024-03-06T17:00").clock();
            assertThat(a.state.maxLossFloor()).isEqualByComparingTo("50000");

            a.at("2024-03-07T09:00").open("t4").close("t4", "900").at("2024-03-07T17:00").clock();
            assertThat(a.state.balance()).isEqualByComparingTo("52900");
            assertThat(a.state.maxLossFloor()).as("52,900 - 2,000 capped at 50,000").isEqualByComparingTo("50000");
        }
    }

    // ---------------------------------------------------------------- intraday-50k

    @Nested
    class IntradayTrailing {

        private final RuleSet rules = PlanCatalogue.rules("intraday-50k");

        @Test
        void floorTrailsTheEquityPeakFloatingProfitIncluded() {
            Account a = Account.start(rules, "2024-03-04T08:00")
                    .at("2024-03-04T09:00").open("t1").close("t1", "500");
            assertThat(a.state.maxLossFloor()).isEqualByComparingTo("48000");

            a.at("2024-03-04T10:00").open("t2").equity("50875").close("t2", "-400");

            assertThat(a.state.balance()).isEqualByComparingTo("50100");
            assertThat(a.state.maxLossFloor()).isEqualByComparingTo("48375");
        }

        @Test
        void floorStopsAt50100AndTheAccountFailsBelowIt() {
            Account a = Account.start(rules, "2024-03-04T08:00")
                    .at("2024-03-04T09:00").open("t1").equity("52900");
            assertThat(a.state.maxLossFloor()).as("52,900 - 2,500 capped at 50,100").isEqualByComparingTo("50100");

            a.equity("50100");
            assertThat(a.state.status()).isEqualTo(ChallengeStatus.ACTIVE);

            a.equity("50099.99");
            assertThat(a.state.status()).isEqualTo(ChallengeStatus.FAILED);
            assertThat(a.state.failure().rule()).isEqualTo(FailureRule.MAX_LOSS);
            assertThat(a.state.failure().floor()).isEqualByComparingTo("50100");
        }
    }

    // ---------------------------------------------------------------- day-start-max-100k

    @Nested
    class DayStartMax {

        private final RuleSet rules = PlanCatalogue.rules("day-start-max-100k");

        @Test
        void dailyFloorIsFivePercentBelowTheDayStartEquityWhenItIsTheHigher() {
            Account a = Account.start(rules, "2024-03-04T08:00")
                    .at("2024-03-04T09:00").open("t1")
                    .at("2024-03-04T23:00").equity("104000")
                    .at("2024-03-05T00:00").clock();

            assertThat(a.state.dayStartBalance()).isEqualByComparingTo("100000");
            assertThat(a.state.dailyLossFloor(rules)).as("104,000 - 5% of 104,000").isEqualByComparingTo("98800");

            a.at("2024-03-05T01:00").equity("98799.99");

            assertThat(a.state.status()).isEqualTo(ChallengeStatus.FAILED);
            assertThat(a.state.failure().rule()).isEqualTo(FailureRule.DAILY_LOSS);
            assertThat(a.state.failure().floor()).isEqualByComparingTo("98800");
        }

        @Test
        void dailyFloorIsFivePercentBelowTheDayStartBalanceWhenItIsTheHigher() {
            Account a = Account.start(rules, "2024-03-04T08:00")
                    .at("2024-03-04T09:00").open("t1").close("t1", "2000").open("t2")
                    .at("2024-03-04T23:00").equity("99000")
                    .at("2024-03-05T00:00").clock();

            assertThat(a.state.dayStartEquity()).isEqualByComparingTo("99000");
            assertThat(a.state.dailyLossFloor(rules)).as("102,000 - 5% of 102,000").isEqualByComparingTo("96900");

            a.at("2024-03-05T01:00").equity("96899.99");

            assertThat(a.state.status()).isEqualTo(ChallengeStatus.FAILED);
            assertThat(a.state.failure().rule()).isEqualTo(FailureRule.DAILY_LOSS);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** One challenge driven through the real engine, times as local date-times in the plan's zone. */
    private static final class Account {
        private final RuleSet rules;
        private AccountState state;
        private Instant now;
        private List<Outcome> last = List.of();

        private Account(RuleSet rules, Instant startAt) {
            this.rules = rules;
            this.state = AccountState.start(rules, startAt);
            this.now = startAt;
        }

        static Account start(RuleSet rules, String localDateTime) {
            return new Account(rules, LocalDateTime.parse(localDateTime).atZone(rules.dayBoundary().zone()).toInstant());
        }

        Instant instant(String localDateTime) {
            return LocalDateTime.parse(localDateTime).atZone(rules.dayBoundary().zone()).toInstant();
        }

        Account at(String localDateTime) {
            now = instant(localDateTime);
            return this;
        }

        Account open(String id) {
            return apply(new Event.TradeOpened(id, now, "ES", Side.BUY, BigDecimal.ONE, new BigDecimal("5000")));
        }

        Account close(String id, String profit) {
            return apply(new Event.TradeClosed(id, now, new BigDecimal("5001"), new BigDecimal(profit)));
        }

        Account equity(String equity) {
            return apply(new Event.EquityUpdate(null, now, new BigDecimal(equity)));
        }

        Account clock() {
            return apply(new Event.Clock(null, now));
        }

        private Account apply(Event event) {
            Evaluation evaluation = Evaluator.apply(rules, state, event);
            state = evaluation.state();
            last = evaluation.outcomes();
            return this;
        }
    }
}
