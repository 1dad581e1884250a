package ai.tradesense.interfaces.rest.challenges;

import static ai.tradesense.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ai.tradesense.interfaces.contract.Contract;
import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.Http.Answer;
import ai.tradesense.testsupport.Plans;
import ai.tradesense.testsupport.RealServices;
import ai.tradesense.testsupport.TestServices;

/**
 * Challenges, live events, simulations and the audit trail on Payara Micro against the real
 * PostgreSQL: transactions, row locks, idempotency and the stored rows.
 */
@ExtendWith({RealServices.class, ArquillianExtension.class})
@RunAsClient
class ChallengeApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/tradesense-web.war"));
    }

    @ArquillianResource
    URL base;

    Http api;

    private static final Contract CONTRACT = Contract.published();

    @BeforeEach
    void client() throws Exception {
        api = Accounts.admin(new Http(base.toURI().resolve("api/v1/")));
    }

    @Test
    void startsAChallengeOnAPresetPlanWithItsFloorsAndTarget() {
        Answer created = conforming("POST", "challenges", api.post("challenges",
                start("two-step-100k", "trader-a", "2026-03-02T08:00:00Z")));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject challenge = created.json();
        assertThat(created.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/challenges/" + challenge.getString("id")));
        assertThat(challenge.getString("status")).isEqualTo("ACTIVE");
        assertThat(challenge.getJsonObject("phase").getString("name")).isEqualTo("Challenge");
        assertThat(money(challenge, "balance")).isEqualByComparingTo("100000");
        assertThat(money(challenge, "dailyLossFloor")).isEqualByComparingTo("95000");
        assertThat(money(challenge, "maxLossFloor")).isEqualByComparingTo("90000");
        assertThat(money(challenge, "profitTargetBalance")).isEqualByComparingTo("110000");
        assertThat(money(challenge, "dailyLossRoom")).isEqualByComparingTo("5000");
        assertThat(money(challenge, "maxLossRoom")).isEqualByComparingTo("10000");
        assertThat(money(challenge, "profitTargetProgressPct")).isEqualByComparingTo("0");
        assertThat(challenge.getInt("seq")).isZero();
        assertThat(challenge.isNull("failure")).isTrue();
        // Prague midnight in winter is 23:00 UTC.
        assertThat(challenge.getString("dayStartedAt")).isEqualTo("2026-03-01T23:00:00Z");

        assertThat(api.get(created.location().orElseThrow()).json()).isEqualTo(challenge);
        assertProblem(conforming("POST", "challenges", api.post("challenges", start("no-such-plan", "trader-a", null))),
                422, "planCode");
        assertProblem(api.post("challenges", "{\"planCode\": \"two-step-100k\"}"), 422, "traderId");
        assertProblem(api.post("challenges", "{\"planCode\": \"two-step-100k\", \"traderId\": \"t\", \"x\": 1}"), 422, "x");
        assertProblem(api.post("challenges", start("two-step-100k", "t", "yesterday")), 422, "startAt");
        assertProblem(conforming("GET", "challenges/does-not-exist", api.get("challenges/does-not-exist")), 404, null);
    }

    @Test
    void failsTheAccountAtTheResetWhenALossIsCarriedOverMidnight() {
        String code = Plans.uniqueCode("reset");
        assertThat(api.post("plans", """
                { "code": "%s", "initialBalance": 200000,
                  "dayBoundary": { "zone": "Europe/Prague", "time": "00:00" },
                  "phases": [ { "profitTarget": { "pct": 10 },
                    "dailyLoss": { "pct": 5, "anchor": "DAY_START_BALANCE" }, "maxLoss": { "pct": 10 } } ] }
                """.formatted(code)).status()).isEqualTo(201);
        String id = started(code, "trader-reset", "2026-03-02T07:00:00Z");

        Answer monday = api.post("challenges/" + id + "/events", """
                [ { "type": "TRADE_OPENED", "id": "t-1", "at": "2026-03-02T08:00:00Z", "symbol": "EURUSD",
                    "side": "BUY", "volume": 1, "price": 1.08 },
                  { "type": "TRADE_OPENED", "id": "t-2", "at": "2026-03-02T08:05:00Z", "symbol": "GBPUSD",
                    "side": "SELL", "volume": 2, "price": 1.27 },
                  { "type": "TRADE_CLOSED", "id": "t-1", "at": "2026-03-02T12:00:00Z", "price": 1.09, "profit": 4000 },
                  { "type": "EQUITY", "at": "2026-03-02T22:59:00Z", "equity": 191000 } ]
                """);
        conforming("POST", "challenges/" + id + "/events", monday);
        assertThat(monday.status()).as(monday.body()).isEqualTo(200);
        assertThat(monday.json().getJsonObject("challenge").getString("status")).isEqualTo("ACTIVE");
        assertThat(money(monday.json().getJsonObject("challenge"), "dailyLossFloor")).isEqualByComparingTo("190000");

        Answer midnight = conforming("POST", "challenges/" + id + "/events", api.post("challenges/" + id + "/events",
                "{\"type\": \"CLOCK\", \"at\": \"2026-03-02T23:00:00Z\"}"));

        JsonObject challenge = midnight.json().getJsonObject("challenge");
        assertThat(challenge.getString("status")).isEqualTo("FAILED");
        assertThat(challenge.getJsonObject("failure").getString("rule")).isEqualTo("DAILY_LOSS");
        assertThat(challenge.getJsonObject("failure").getString("at")).isEqualTo("2026-03-02T23:00:00Z");
        assertThat(money(challenge.getJsonObject("failure"), "floor")).isEqualByComparingTo("194000");
        assertThat(money(challenge.getJsonObject("failure"), "equity")).isEqualByComparingTo("191000");

        Answer late = api.post("challenges/" + id + "/events",
                "{\"type\": \"TRADE_CLOSED\", \"id\": \"t-2\", \"at\": \"2026-03-03T09:00:00Z\", \"price\": 1.2, \"profit\": 9000}");
        assertThat(late.json().getJsonObject("challenge").getString("status")).isEqualTo("FAILED");
        assertThat(money(late.json().getJsonObject("challenge"), "balance")).isEqualByComparingTo("204000");
        assertThat(late.json().getJsonArray("applied").getJsonObject(0).getJsonArray("outcomes").getJsonObject(0)
                .getString("type")).isEqualTo("IGNORED_FROZEN");
    }

    @Test
    void answersARepeatedEventAsTheFirstTimeAndChangesNothing() throws Exception {
        String id = started("two-step-100k", "trader-repeat", "2026-03-02T08:00:00Z");
        String open = "{\"type\": \"TRADE_OPENED\", \"id\": \"t-9\", \"at\": \"2026-03-02T09:00:00Z\","
                + " \"symbol\": \"EURUSD\", \"side\": \"BUY\", \"volume\": 1.5, \"price\": 1.085}";
        Answer first = api.post("challenges/" + id + "/events", open);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replay")).contains("false");
        api.post("challenges/" + id + "/events", "{\"type\": \"EQUITY\", \"id\": \"e-1\", \"at\": \"2026-03-02T10:00:00Z\", \"equity\": 100100}");

        Answer repeat = api.post("challenges/" + id + "/events", open);

        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.header("Idempotent-Replay")).contains("true");
        // The entry is the first answer's (rebuilt from the row, which stores no answer); the state is today's.
        assertThat(repeat.json().getJsonArray("applied")).isEqualTo(first.json().getJsonArray("applied"));
        assertThat(repeat.json().getJsonArray("applied").getJsonObject(0).getInt("seq")).isEqualTo(1);
        JsonObject now = api.get("challenges/" + id).json();
        assertThat(repeat.json().getJsonObject("challenge")).isEqualTo(now);
        assertThat(now.getInt("seq")).isEqualTo(2);
        assertThat(money(now, "equity")).isEqualByComparingTo("100100");
        assertThat(count("SELECT COUNT(*) FROM challenge_event WHERE challenge_id = ?", id)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM challenge_event WHERE challenge_id = ? AND answer IS NULL"
                + " AND balance IS NOT NULL", id)).isEqualTo(2);
        // A row written before answers were rebuilt keeps answering its stored first answer, byte for byte.
        execute("UPDATE challenge_event SET answer = ?, balance = NULL, equity = NULL, phase_index = NULL"
                + " WHERE challenge_id = ? AND seq = 1", first.body(), id);
        Answer old = api.post("challenges/" + id + "/events", open);
        assertThat(old.status()).isEqualTo(200);
        assertThat(old.body()).isEqualTo(first.body());
        assertThat(count("SELECT COUNT(*) FROM trade WHERE challenge_id = ?", id)).isEqualTo(1);

        Answer batch = api.post("challenges/" + id + "/events", "[" + open + ", {\"type\": \"EQUITY\", \"id\": \"e-2\","
                + " \"at\": \"2026-03-02T11:00:00Z\", \"equity\": 100200}]");
        assertThat(batch.json().getJsonArray("applied").getJsonObject(0).getBoolean("duplicate")).isTrue();
        assertThat(batch.json().getJsonArray("applied").getJsonObject(1).getBoolean("duplicate")).isFalse();
        assertThat(batch.json().getJsonObject("challenge").getInt("seq")).isEqualTo(3);
    }

    @Test
    void refusesBadEventsWithProblemDetailsAndAppliesNothingOfTheRequest() throws Exception {
        String id = started("two-step-100k", "trader-bad", "2026-03-02T08:00:00Z");
        String events = "challenges/" + id + "/events";
        assertThat(api.post(events, "{\"type\": \"EQUITY\", \"at\": \"2026-03-02T12:00:00Z\", \"equity\": 100500}")
                .status()).isEqualTo(200);

        assertProblem(api.post(events, "{\"type\": \"EQUITY\", \"at\": \"2026-03-02T11:00:00Z\", \"equity\": 1}"), 409, "at");
        assertProblem(api.post(events, "{\"type\": \"TRADE_CLOSED\", \"id\": \"nope\", \"at\": \"2026-03-02T13:00:00Z\","
                + " \"price\": 1, \"profit\": 5}"), 422, "id");
        assertProblem(api.post(events, "{\"type\": \"EQUITY\", \"at\": \"2026-03-02T13:00:00Z\", \"equity\": 1e13}"),
                422, "equity");
        assertProblem(api.post(events, "{\"type\": \"EQUITY\", \"at\": \"2026-03-02T13:00:00Z\", \"equity\": \"lots\"}"),
                400, "equity");
        assertProblem(api.post(events, "{\"type\": \"DEPOSIT\", \"at\": \"2026-03-02T13:00:00Z\"}"), 422, "type");
        assertProblem(api.post(events, "{\"type\": \"EQUITY\", \"at\": \"2026-03-02T13:00:00Z\"}"), 422, "equity");
        assertProblem(api.post(events, "{\"type\": \"EQUITY\", \"at\": \"noon\", \"equity\": 5}"), 422, "at");
        assertProblem(api.post(events, "{\"type\": \"EQUITY\""), 400, "");
        assertProblem(api.post(events, "[]"), 422, "");
        // The third event of a batch is refused: the first two are not applied either.
        assertProblem(api.post(events, """
                [ { "type": "TRADE_OPENED", "id": "b-1", "at": "2026-03-02T13:00:00Z", "symbol": "X", "side": "BUY",
                    "volume": 1, "price": 2 },
                  { "type": "EQUITY", "at": "2026-03-02T13:01:00Z", "equity": 100400 },
                  { "type": "TRADE_OPENED", "id": "b-1", "at": "2026-03-02T13:02:00Z", "symbol": "X", "side": "BUY",
                    "volume": 1, "price": 2 } ]
                """), 422, "[2].id");
        assertProblem(api.post("challenges/unknown-id/events", "{\"type\": \"CLOCK\", \"at\": \"2026-03-02T13:00:00Z\"}"),
                404, null);

        JsonObject unchanged = api.get("challenges/" + id).json();
        assertThat(unchanged.getInt("seq")).isEqualTo(1);
        assertThat(money(unchanged, "equity")).isEqualByComparingTo("100500");
        assertThat(unchanged.getInt("openTrades")).isZero();
        assertThat(count("SELECT COUNT(*) FROM challenge_event WHERE challenge_id = ?", id)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM trade WHERE challenge_id = ?", id)).isZero();
    }

    @Test
    void serialisesConcurrentRequestsToOneChallengeToTheExactBalance() throws Exception {
        String id = started("two-step-100k", "trader-busy", "2026-03-02T08:00:00Z");
        int threads = 8;
        int perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Callable<List<Integer>>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            work.add(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    String trade = "c-" + thread + "-" + i;
                    // Same instant for all: equal times are in order, so no request is refused for time.
                    statuses.add(api.post("challenges/" + id + "/events", """
                            [ { "type": "TRADE_OPENED", "id": "%s", "at": "2026-03-02T09:00:00Z", "symbol": "EURUSD",
                                "side": "BUY", "volume": 1, "price": 1.1 },
                              { "type": "TRADE_CLOSED", "id": "%s", "at": "2026-03-02T09:00:00Z", "price": 1.1,
                                "profit": 1.25 } ]
                            """.formatted(trade, trade)).status());
                }
                return statuses;
            });
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> result : pool.invokeAll(work)) {
            statuses.addAll(result.get());
        }
        pool.shutdown();

        assertThat(statuses).hasSize(threads * perThread).containsOnly(200);
        JsonObject challenge = api.get("challenges/" + id).json();
        assertThat(money(challenge, "balance")).isEqualByComparingTo("100150.00");
        assertThat(challenge.getInt("seq")).isEqualTo(2 * threads * perThread);
        assertThat(count("SELECT COUNT(*) FROM trade WHERE challenge_id = ? AND closed_at IS NOT NULL", id))
                .isEqualTo(threads * perThread);
        JsonObject events = api.get("challenges/" + id + "/events?after=200&limit=1000").json();
        assertThat(events.getJsonArray("items")).hasSize(2 * threads * perThread - 200);
        assertThat(events.getJsonArray("items").getJsonObject(0).getInt("seq")).isEqualTo(201);
    }

    @Test
    void listsChallengesFilteredByTraderStatusAndPlan() {
        String trader = Plans.uniqueCode("lister");
        String first = started("two-step-100k", trader, "2026-03-02T08:00:00Z");
        String second = started("futures-50k", trader, "2026-03-02T08:00:00Z");
        api.post("challenges/" + second + "/events", "{\"type\": \"EQUITY\", \"at\": \"2026-03-02T09:00:00Z\", \"equity\": 47000}");

        JsonObject all = api.get("challenges?trader=" + trader).json();
        assertThat(all.getJsonNumber("total").longValue()).isEqualTo(2);
        JsonObject failed = api.get("challenges?trader=" + trader + "&status=FAILED").json();
        assertThat(failed.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("id")).containsExactly(second);
        JsonObject onPlan = api.get("challenges?trader=" + trader + "&plan=two-step-100k").json();
        assertThat(onPlan.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("id")).containsExactly(first);
        assertProblem(api.get("challenges?status=WINNING"), 400, "status");
    }

    @Test
    void keepsAnAuditChainThatDetectsATamperedRow() throws Exception {
        String id = started("futures-50k", "trader-audit", "2026-03-02T15:00:00Z");
        api.post("challenges/" + id + "/events", """
                [ { "type": "TRADE_OPENED", "id": "a-1", "at": "2026-03-02T16:00:00Z", "symbol": "ES", "side": "BUY",
                    "volume": 1, "price": 5000 },
                  { "type": "EQUITY", "at": "2026-03-02T16:30:00Z", "equity": 48900 } ]
                """);

        JsonObject trail = api.get("challenges/" + id + "/audit").json();
        List<JsonObject> entries = trail.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(entries).extracting(e -> e.getString("kind"))
                .containsExactly("CHALLENGE_STARTED", "EVENT_APPLIED", "EVENT_APPLIED", "PAUSED");
        assertThat(entries.get(1).getString("previousHash")).isEqualTo(entries.get(0).getString("hash"));
        assertThat(api.get("challenges/" + id + "/audit/verify").json().getBoolean("valid")).isTrue();

        execute("UPDATE audit_entry SET content = REPLACE(content, '48900', '49900') WHERE challenge_id = ? AND seq = 3", id);

        JsonObject verdict = api.get("challenges/" + id + "/audit/verify").json();
        assertThat(verdict.getBoolean("valid")).isFalse();
        assertThat(verdict.getInt("firstBrokenSeq")).isEqualTo(3);

        String other = started("futures-50k", "trader-audit", "2026-03-02T15:00:00Z");
        api.post("challenges/" + other + "/events", "{\"type\": \"EQUITY\", \"at\": \"2026-03-02T16:30:00Z\", \"equity\": 50100}");
        execute("DELETE FROM audit_entry WHERE challenge_id = ? AND seq = 2", other);
        assertThat(api.get("challenges/" + other + "/audit/verify").json().getInt("firstBrokenSeq")).isEqualTo(2);
        assertProblem(api.get("challenges/nope/audit"), 404, null);
    }

    @Test
    void simulatesAPlanChangeThroughTheSameEngineAndStoresNothing() throws Exception {
        long challengesBefore = count("SELECT COUNT(*) FROM challenge WHERE trader_id <> ?", "");
        Answer simulated = api.post("simulations", """
                { "plan": { "initialBalance": 50000, "dayBoundary": { "zone": "America/Chicago", "time": "17:00" },
                            "phases": [ { "maxLoss": { "amount": 2500, "mode": "TRAILING_INTRADAY_EQUITY" } } ] },
                  "startAt": "2026-03-02T14:00:00Z",
                  "events": [
                    { "type": "TRADE_OPENED", "id": "s-1", "at": "2026-03-02T14:10:00Z", "symbol": "NQ", "side": "BUY", "volume": 1, "price": 100 },
                    { "type": "TRADE_CLOSED", "id": "s-1", "at": "2026-03-02T14:20:00Z", "price": 105, "profit": 500 },
                    { "type": "TRADE_OPENED", "id": "s-2", "at": "2026-03-02T14:30:00Z", "symbol": "NQ", "side": "BUY", "volume": 1, "price": 100 },
                    { "type": "EQUITY", "at": "2026-03-02T14:40:00Z", "equity": 50875 },
                    { "type": "TRADE_CLOSED", "id": "s-2", "at": "2026-03-02T14:50:00Z", "price": 101, "profit": -400 } ] }
                """);

        assertThat(simulated.status()).as(simulated.body()).isEqualTo(200);
        JsonObject result = simulated.json();
        assertThat(result.getJsonArray("timeline")).hasSize(5);
        assertThat(money(result.getJsonArray("timeline").getJsonObject(1), "maxLossFloor")).isEqualByComparingTo("48000");
        assertThat(money(result.getJsonObject("final"), "maxLossFloor")).isEqualByComparingTo("48375");
        assertThat(money(result.getJsonObject("final"), "balance")).isEqualByComparingTo("50100");
        assertThat(result.getJsonObject("final").isNull("id")).isTrue();

        Answer stored = api.post("simulations", "{\"planCode\": \"futures-50k\", \"events\": ["
                + "{\"type\": \"EQUITY\", \"at\": \"2026-03-02T15:00:00Z\", \"equity\": 48900}]}");
        assertThat(stored.json().getJsonObject("final").getString("status")).isEqualTo("PAUSED");

        assertProblem(api.post("simulations", "{\"planCode\": \"futures-50k\", \"events\": ["
                + "{\"type\": \"EQUITY\", \"at\": \"2026-03-02T15:00:00Z\", \"equity\": 1},"
                + "{\"type\": \"EQUITY\", \"at\": \"2026-03-02T15:00:00Z\", \"equity\": 2},"
                + "{\"type\": \"EQUITY\", \"at\": \"2026-03-02T15:00:00Z\", \"equity\": 3},"
                + "{\"type\": \"EQUITY\", \"at\": \"2026-03-02T15:00:00Z\", \"equity\": \"x\"}]}"), 400, "events[3].equity");
        assertProblem(api.post("simulations", "{\"plan\": {\"initialBalance\": 0}, \"events\": []}"), 422,
                "plan.initialBalance");
        assertProblem(api.post("simulations", "{\"events\": []}"), 422, "plan");
        assertProblem(api.post("simulations", "{\"planCode\": \"futures-50k\", \"events\": ["
                + "{\"type\": \"TRADE_CLOSED\", \"id\": \"ghost\", \"at\": \"2026-03-02T15:00:00Z\", \"price\": 1, \"profit\": 1}]}"),
                422, "events[0].id");
        assertThat(count("SELECT COUNT(*) FROM challenge WHERE trader_id <> ?", "")).isEqualTo(challengesBefore);
    }

    @Test
    void exportsChallengesTradesEventsAuditAndAlertsFilteredByTimeAndPlanForStaff() throws Exception {
        String code = Plans.uniqueCode("export");
        assertThat(api.post("plans", """
                { "code": "%s", "initialBalance": 10000, "dayBoundary": { "zone": "UTC", "time": "00:00" },
                  "phases": [ { "profitTarget": { "pct": 50 }, "maxLoss": { "pct": 10 } } ] }
                """.formatted(code)).status()).isEqualTo(201);
        String early = started(code, "trader-export-1", "2026-04-01T08:00:00Z");
        String late = started(code, "trader-export-2", "2026-04-02T08:00:00Z");
        started("two-step-100k", "trader-export-other", "2026-04-01T09:00:00Z");
        assertThat(api.post("challenges/" + early + "/events", """
                [ { "type": "TRADE_OPENED", "id": "x-1", "at": "2026-04-01T09:00:00Z", "symbol": "EUR,USD \\"spot\\"",
                    "side": "BUY", "volume": 1.5, "price": 1.08 },
                  { "type": "TRADE_CLOSED", "id": "x-1", "at": "2026-04-01T10:00:00Z", "price": 1.07, "profit": -250.10 },
                  { "type": "EQUITY", "at": "2026-04-01T11:00:00Z", "equity": 8999.99 } ]
                """).status()).isEqualTo(200);

        Answer challenges = api.get("exports/challenges?plan=" + code);
        assertThat(challenges.status()).as(challenges.body()).isEqualTo(200);
        assertThat(challenges.contentType()).startsWith("text/csv");
        List<String> lines = challenges.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("challengeId,planCode,planVersion,traderId,status,phaseIndex,balance,equity,"
                + "seq,startedAt,createdAt,updatedAt");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith(early + "," + code + ",1,trader-export-1,FAILED,0,9749.9,8999.99,3,"
                + "2026-04-01T08:00:00Z,");
        assertThat(lines.get(2)).startsWith(late + "," + code + ",1,trader-export-2,ACTIVE,0,10000,10000,0,");
        assertThat(challenges.body()).contains("\r\n");

        Answer onlyLate = api.get("exports/challenges?plan=" + code + "&from=2026-04-02T00:00:00Z&to=2026-04-03T00:00:00Z");
        assertThat(onlyLate.body().lines().skip(1).toList()).singleElement().asString().startsWith(late + ",");

        String trades = api.get("exports/trades?plan=" + code).body();
        assertThat(trades.lines().toList()).containsExactly(
                "challengeId,tradeId,planCode,traderId,phaseIndex,symbol,side,volume,openPrice,openedAt,closePrice,"
                        + "profit,closedAt",
                early + ",x-1," + code + ",trader-export-1,0,\"EUR,USD \"\"spot\"\"\",BUY,1.5,1.08,2026-04-01T09:00:00Z,"
                        + "1.07,-250.1,2026-04-01T10:00:00Z");

        Answer events = api.get("exports/events?plan=" + code + "&format=jsonl");
        assertThat(events.contentType()).startsWith("application/x-ndjson");
        List<JsonObject> eventRows = events.body().lines().map(l -> jakarta.json.Json.createReader(
                new java.io.StringReader(l)).readObject()).toList();
        assertThat(eventRows).extracting(e -> e.getString("type")).containsExactly("TRADE_OPENED", "TRADE_CLOSED", "EQUITY");
        assertThat(eventRows.get(1).getJsonObject("event").getJsonNumber("profit").bigDecimalValue())
                .isEqualByComparingTo("-250.10");
        assertThat(eventRows.get(2).getString("at")).isEqualTo("2026-04-01T11:00:00Z");
        assertThat(api.with("Accept", "application/x-ndjson").get("exports/audit?plan=" + code).body().lines()
                .map(l -> jakarta.json.Json.createReader(new java.io.StringReader(l)).readObject().getString("kind")))
                .startsWith("CHALLENGE_STARTED").contains("EVENT_APPLIED", "FAILED");
        String alerts = api.get("exports/alerts?plan=" + code).body();
        assertThat(alerts.lines().skip(1).toList()).singleElement().asString()
                .contains("," + early + "," + code + ",FAILED,CRITICAL,").contains(",\"{\"\"rule\"\":\"\"MAX_LOSS\"\"");

        assertThat(Accounts.trader(api).http().get("exports/challenges").status()).isEqualTo(403);
        assertProblem(api.get("exports/challenges?format=xml"), 422, "format");
        assertProblem(api.get("exports/challenges?from=2026-04-03T00:00:00Z&to=2026-04-01T00:00:00Z"), 422, "to");
        assertProblem(api.get("exports/challenges?from=yesterday"), 422, "from");
        assertThat(api.get("exports/payouts-of-mars").status()).isEqualTo(404);
    }

    @Test
    void servesThePublishedContractsAtOpenapiAndAsyncapi() throws Exception {
        Http root = new Http(new URL(base, "/").toURI());
        Answer openapi = root.get("openapi");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("title: TradeSense API").contains("X-API-Key")
                .contains("/challenges/{id}/events").doesNotContain("Deployed Resources");
        // Payara adds its own top-level list of endpoints; everything else parses cleanly.
        assertThat(openApiMessages(openapi.body())).containsExactly("attribute endpoints is unexpected");

        Http app = new Http(base.toURI());
        Answer asWritten = app.get("openapi.yaml");
        assertThat(asWritten.status()).isEqualTo(200);
        assertThat(asWritten.body()).isEqualTo(java.nio.file.Files.readString(Contract.OPENAPI));
        assertThat(openApiMessages(asWritten.body())).isEmpty();
        Answer asyncapi = app.get("asyncapi.yaml");
        assertThat(asyncapi.status()).isEqualTo(200);
        assertThat(asyncapi.body()).isEqualTo(java.nio.file.Files.readString(Contract.ASYNCAPI));
    }

    private static List<String> openApiMessages(String document) {
        io.swagger.v3.parser.core.models.ParseOptions resolve = new io.swagger.v3.parser.core.models.ParseOptions();
        resolve.setResolve(true);
        return new io.swagger.parser.OpenAPIParser().readContents(document, null, resolve).getMessages();
    }

    @Test
    void bridgeAppliesEachChallengesEventsAllOrNothingAndAnswersEveryEvent() throws Exception {
        String c1 = started("two-step-100k", "trader-bridge-1", "2026-03-02T08:00:00Z");
        String c2 = started("two-step-100k", "trader-bridge-2", "2026-03-02T08:00:00Z");
        String other = started("futures-50k", "trader-bridge-3", "2026-03-02T08:00:00Z");
        Http bridge = Accounts.platform(api, "two-step-100k");
        String open = "{\"challengeId\": \"" + c1 + "\", \"type\": \"TRADE_OPENED\", \"id\": \"b-1\","
                + " \"at\": \"2026-03-02T09:00:00Z\", \"symbol\": \"EURUSD\", \"side\": \"BUY\", \"volume\": 1, \"price\": 1.1}";

        Answer answer = bridge.post("events", "{\"events\": [" + open + ", "
                + event(c2, "EQUITY", "\"at\": \"2026-03-02T10:00:00Z\", \"equity\": 100100") + ", "
                + event(c1, "EQUITY", "\"id\": \"e-1\", \"at\": \"2026-03-02T10:00:00Z\", \"equity\": 100050") + ", "
                + event(c2, "TRADE_CLOSED", "\"id\": \"nope\", \"at\": \"2026-03-02T11:00:00Z\", \"price\": 1, \"profit\": 5") + ", "
                + event("unknown-id", "CLOCK", "\"at\": \"2026-03-02T11:00:00Z\"") + ", "
                + event(other, "CLOCK", "\"at\": \"2026-03-02T11:00:00Z\"") + ", "
                + open + "]}");

        conforming("POST", "events", answer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonObject> results = answer.json().getJsonArray("results").getValuesAs(JsonObject.class);
        assertThat(results).hasSize(7);
        assertResult(results.get(0), 0, c1, "APPLIED");
        assertThat(results.get(0).getInt("seq")).isEqualTo(1);
        assertThat(results.get(0).getJsonArray("outcomes")).isNotNull();
        assertResult(results.get(1), 1, c2, "REFUSED");
        assertThat(results.get(1).getJsonObject("problem").toString()).isEqualTo("{\"type\":\"urn:tradesense:problem:not-applied\","
                + "\"title\":\"Not applied\",\"status\":409,\"detail\":\"event 3 of challenge " + c2 + " in this request was refused\"}");
        assertResult(results.get(2), 2, c1, "APPLIED");
        assertThat(results.get(2).getInt("seq")).isEqualTo(2);
        assertResult(results.get(3), 3, c2, "REFUSED");
        JsonObject refused = results.get(3).getJsonObject("problem");
        assertThat(refused.getInt("status")).isEqualTo(422);
        assertThat(refused.getJsonArray("errors").getJsonObject(0).getString("path")).isEqualTo("events[3].id");
        assertResult(results.get(4), 4, "unknown-id", "REFUSED");
        assertThat(results.get(4).getJsonObject("problem").getInt("status")).isEqualTo(404);
        assertResult(results.get(5), 5, other, "REFUSED");
        assertThat(results.get(5).getJsonObject("problem").getInt("status")).isEqualTo(404);
        assertResult(results.get(6), 6, c1, "DUPLICATE");
        assertThat(results.get(6).getInt("seq")).isEqualTo(1);
        assertThat(api.get("challenges/" + c1).json().getInt("seq")).isEqualTo(2);
        assertThat(api.get("challenges/" + c2).json().getInt("seq")).isZero();
        assertThat(count("SELECT COUNT(*) FROM challenge_event WHERE challenge_id = ?", c2)).isZero();
        assertThat(count("SELECT COUNT(*) FROM challenge_event WHERE challenge_id = ?", other)).isZero();

        Answer repeat = conforming("POST", "events", bridge.post("events", "{\"events\": [" + open + "]}"));
        assertResult(repeat.json().getJsonArray("results").getJsonObject(0), 0, c1, "DUPLICATE");
        assertThat(repeat.json().getJsonArray("results").getJsonObject(0).getInt("seq")).isEqualTo(1);
        Answer byAdmin = api.post("events", "{\"events\": [" + event(other, "CLOCK", "\"at\": \"2026-03-02T11:00:00Z\"") + "]}");
        assertResult(byAdmin.json().getJsonArray("results").getJsonObject(0), 0, other, "APPLIED");

        StringBuilder tooMany = new StringBuilder("{\"events\": [");
        for (int i = 0; i <= 10_000; i++) {
            tooMany.append(i == 0 ? "" : ", ").append(event(c1, "EQUITY", "\"at\": \"2026-03-02T12:00:00Z\", \"equity\": 100000"));
        }
        assertProblem(conforming("POST", "events", bridge.post("events", tooMany.append("]}").toString())), 422, "events");
        assertThat(api.get("challenges/" + c1).json().getInt("seq")).isEqualTo(2);
        assertProblem(conforming("POST", "events", bridge.post("events", "{\"events\": [")), 400, "");
        assertProblem(bridge.post("events", "[" + open + "]"), 400, "");
        assertProblem(bridge.post("events", "{\"events\": 5}"), 400, "events");
        assertProblem(bridge.post("events", "{\"events\": [{\"type\": \"CLOCK\", \"at\": \"2026-03-02T12:00:00Z\"}]}"),
                422, "events[0].challengeId");
        assertThat(Accounts.trader(api).http().post("events", "{\"events\": [" + open + "]}").status()).isEqualTo(403);
    }

    @Test
    void plainTicksMoveTheStateWithoutEventRowsAndTheStoredLogStillReplaysAndVerifies() throws Exception {
        String id = started("two-step-100k", "trader-ticks", "2026-03-02T08:00:00Z");
        String events = "challenges/" + id + "/events";
        assertThat(seqOf(api.post(events, "{\"type\": \"TRADE_OPENED\", \"id\": \"t-1\", \"at\": \"2026-03-02T09:00:00Z\","
                + " \"symbol\": \"EURUSD\", \"side\": \"BUY\", \"volume\": 1, \"price\": 1.1}"))).isEqualTo(1);
        // A new low of the day is information: stored.
        assertThat(seqOf(api.post(events, tick(null, "09:01:00", "99900")))).isEqualTo(2);
        String lastTick = tick("q-2", "09:04:00", "99940.5");

        // Within the day's range and no new level: applied, not logged, the seq unchanged.
        assertThat(seqOf(api.post(events, tick("q-1", "09:02:00", "99950")))).isEqualTo(2);
        assertThat(seqOf(api.post(events, tick(null, "09:03:00", "99960")))).isEqualTo(2);
        Answer last = api.post(events, lastTick);
        assertThat(seqOf(last)).isEqualTo(2);
        assertThat(money(last.json().getJsonObject("challenge"), "equity")).isEqualByComparingTo("99940.5");
        assertThat(count("SELECT COUNT(*) FROM challenge_event WHERE challenge_id = ?", id)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE challenge_id = ?", id)).isEqualTo(3);

        // The last tick applied is recognised as a repeat; an older one is out of order.
        Answer repeat = api.post(events, lastTick);
        assertThat(repeat.status()).as(repeat.body()).isEqualTo(200);
        assertThat(repeat.header("Idempotent-Replay")).contains("true");
        assertThat(repeat.json().getJsonArray("applied")).isEqualTo(last.json().getJsonArray("applied"));
        assertProblem(api.post(events, tick("q-2", "09:04:00", "99941")), 422, "id");
        assertProblem(api.post(events, tick("q-1", "09:02:00", "99950")), 409, "at");
        assertThat(count("SELECT COUNT(*) FROM challenge_event WHERE challenge_id = ?", id)).isEqualTo(2);

        // The next stored event stores the pending tick first, as it was applied.
        Answer closed = api.post(events, "{\"type\": \"TRADE_CLOSED\", \"id\": \"t-1\", \"at\": \"2026-03-02T09:10:00Z\","
                + " \"price\": 1.099, \"profit\": -59.5}");
        assertThat(seqOf(closed)).isEqualTo(4);
        JsonObject challenge = api.get("challenges/" + id).json();
        assertThat(money(challenge, "balance")).isEqualByComparingTo("99940.5");
        List<JsonObject> log = api.get(events + "?after=0&limit=100").json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertThat(log).extracting(e -> e.getString("type")).containsExactly("TRADE_OPENED", "EQUITY", "EQUITY", "TRADE_CLOSED");
        assertThat(log.get(2).getInt("seq")).isEqualTo(3);
        assertThat(log.get(2).getJsonObject("event").getString("id")).isEqualTo("q-2");
        assertThat(money(log.get(2).getJsonObject("event"), "equity")).isEqualByComparingTo("99940.5");
        assertThat(log.get(2).getJsonArray("outcomes")).isEmpty();
        Answer stored = api.post(events, lastTick);
        assertThat(seqOf(stored)).isEqualTo(3);
        assertThat(stored.header("Idempotent-Replay")).contains("true");
        JsonObject verified = api.get("challenges/" + id + "/audit/verify").json();
        assertThat(verified.getBoolean("valid")).as(verified.toString()).isTrue();
        assertThat(verified.getInt("entriesChecked")).isEqualTo(5);

        // Replayed from the start, the stored log gives the challenge's state.
        StringBuilder replay = new StringBuilder("{\"planCode\": \"two-step-100k\", \"startAt\": \"2026-03-02T08:00:00Z\", \"events\": [");
        for (int i = 0; i < log.size(); i++) {
            replay.append(i == 0 ? "" : ", ").append(log.get(i).getJsonObject("event"));
        }
        JsonObject replayed = api.post("simulations", replay.append("]}").toString()).json().getJsonObject("final");
        for (String figure : List.of("balance", "equity", "dailyLossFloor", "maxLossFloor", "dayStartEquity")) {
            assertThat(money(replayed, figure)).as(figure).isEqualByComparingTo(money(challenge, figure));
        }
        assertThat(replayed.getInt("tradingDays")).isEqualTo(challenge.getInt("tradingDays"));
    }

    private static String tick(String id, String time, String equity) {
        return "{\"type\": \"EQUITY\", " + (id == null ? "" : "\"id\": \"" + id + "\", ")
                + "\"at\": \"2026-03-02T" + time + "Z\", \"equity\": " + equity + "}";
    }

    private static long seqOf(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().getJsonArray("applied").getJsonObject(0).getJsonNumber("seq").longValue();
    }

    /** The default of {@code tradesense.ingestion.writers}: a challenge's writer is its id's hash modulo this. */
    private static final int WRITERS = 4;

    @Test
    void aBridgeRequestWhosePartCannotCommitIsAnswered503AndItsResendAppliesWhatDidNotCommit() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(started("two-step-100k", "trader-parts-" + i, "2026-03-02T08:00:00Z"));
        }
        String doomed = ids.get(0);
        Http bridge = Accounts.platform(api, "two-step-100k");
        StringBuilder body = new StringBuilder("{\"events\": [");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ", ").append(event(ids.get(i), "TRADE_OPENED", "\"id\": \"p-1\","
                    + " \"at\": \"2026-03-02T09:00:00Z\", \"symbol\": \"EURUSD\", \"side\": \"BUY\", \"volume\": 1, \"price\": 1.1"));
        }
        String request = body.append("]}").toString();
        // The doomed challenge's rows cannot be written: its writer's transaction fails, the others' commit.
        execute("CREATE FUNCTION refuse_doomed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.challenge_id = '" + doomed + "' THEN RAISE EXCEPTION 'refused by the test'; END IF;"
                + " RETURN NEW; END $$");
        execute("CREATE TRIGGER refuse_doomed BEFORE INSERT ON challenge_event FOR EACH ROW EXECUTE FUNCTION refuse_doomed()");
        Answer failed;
        try {
            failed = bridge.post("events", request);
        } finally {
            execute("DROP TRIGGER refuse_doomed ON challenge_event");
            execute("DROP FUNCTION refuse_doomed()");
        }

        assertThat(failed.status()).as(failed.body()).isEqualTo(503);
        assertThat(count("SELECT COUNT(*) FROM challenge_event WHERE challenge_id = ?", doomed)).isZero();
        assertThat(api.get("challenges/" + doomed).json().getInt("seq")).isZero();
        Answer resent = bridge.post("events", request);
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        List<JsonObject> results = resent.json().getJsonArray("results").getValuesAs(JsonObject.class);
        int doomedWriter = Math.floorMod(doomed.hashCode(), WRITERS);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            boolean sameTransaction = Math.floorMod(id.hashCode(), WRITERS) == doomedWriter;
            assertResult(results.get(i), i, id, sameTransaction ? "APPLIED" : "DUPLICATE");
            assertThat(results.get(i).getInt("seq")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM challenge_event WHERE challenge_id = ?", id)).isEqualTo(1);
            assertThat(api.get("challenges/" + id).json().getInt("openTrades")).isEqualTo(1);
        }
    }

    @Test
    void sharesTransactionsBetweenConcurrentSingleEventsAndKeepsEachChallengeInOrder() throws Exception {
        Http server = new Http(new URL(base, "/").toURI());
        BigDecimal commitsBefore = metricValue(server.get("metrics").body(), "ingestion_commits_total");
        BigDecimal requestsBefore = metricValue(server.get("metrics").body(), "ingestion_requests_total");
        int threads = 8;
        int perThread = 40;
        String one = started("two-step-100k", "trader-crowd", "2026-03-02T08:00:00Z");
        List<String> many = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            many.add(started("two-step-100k", "trader-crowd-" + t, "2026-03-02T08:00:00Z"));
        }
        List<String> targets = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            targets.add(one);
        }
        targets.addAll(many);

        ExecutorService pool = Executors.newFixedThreadPool(targets.size());
        List<Callable<List<long[]>>> work = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            String id = targets.get(t);
            String prefix = "g-" + t + "-";
            work.add(() -> {
                List<long[]> answers = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    String trade = prefix + (i / 2);
                    String body = i % 2 == 0
                            ? "{\"type\": \"TRADE_OPENED\", \"id\": \"" + trade + "\", \"at\": \"2026-03-02T09:00:00Z\","
                                    + " \"symbol\": \"EURUSD\", \"side\": \"BUY\", \"volume\": 1, \"price\": 1.1}"
                            : "{\"type\": \"TRADE_CLOSED\", \"id\": \"" + trade + "\", \"at\": \"2026-03-02T09:00:00Z\","
                                    + " \"price\": 1.1, \"profit\": 1.25}";
                    Answer answer = api.post("challenges/" + id + "/events", body);
                    long seq = answer.status() == 200
                            ? answer.json().getJsonArray("applied").getJsonObject(0).getJsonNumber("seq").longValue() : -1;
                    answers.add(new long[] {answer.status(), seq});
                }
                return answers;
            });
        }
        List<List<long[]>> answers = new ArrayList<>();
        for (Future<List<long[]>> result : pool.invokeAll(work)) {
            answers.add(result.get());
        }
        pool.shutdown();

        List<Long> seqsOfOne = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            List<Long> seqs = answers.get(t).stream().peek(a -> assertThat(a[0]).isEqualTo(200)).map(a -> a[1]).toList();
            assertThat(seqs).as("one client's seqs increase").isSorted().doesNotHaveDuplicates();
            if (t < threads) {
                seqsOfOne.addAll(seqs);
            } else {
                assertThat(seqs).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, perThread).boxed().toList());
                assertThat(money(api.get("challenges/" + targets.get(t)).json(), "balance")).isEqualByComparingTo("100025.00");
            }
        }
        assertThat(seqsOfOne).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.rangeClosed(1, (long) threads * perThread).boxed().toList());
        JsonObject crowded = api.get("challenges/" + one).json();
        assertThat(crowded.getInt("seq")).isEqualTo(threads * perThread);
        assertThat(money(crowded, "balance")).isEqualByComparingTo("100200.00");

        String metrics = server.get("metrics").body();
        BigDecimal commits = metricValue(metrics, "ingestion_commits_total").subtract(commitsBefore);
        BigDecimal requests = metricValue(metrics, "ingestion_requests_total").subtract(requestsBefore);
        assertThat(requests).isEqualByComparingTo(BigDecimal.valueOf(2L * threads * perThread));
        assertThat(commits).as("transactions shared by %s requests", requests).isLessThan(requests);
    }

    @Test
    void paysAFundedTraderThroughRequestAndTwoApprovalsWithLedgerAuditAndTheTradersView() {
        String code = Plans.uniqueCode("funded");
        assertThat(api.post("plans", """
                { "code": "%s", "initialBalance": 100000,
                  "dayBoundary": { "zone": "UTC", "time": "00:00" },
                  "phases": [ { "name": "Funded", "kind": "FUNDED", "dailyLoss": { "pct": 5 }, "maxLoss": { "pct": 10 },
                    "payout": { "split": { "pct": 80 }, "firstAfterDays": 0, "everyDays": 0, "minAmount": 100 } } ] }
                """.formatted(code)).status()).isEqualTo(201);
        Accounts.User trader = Accounts.trader(api);
        String id = started(code, trader.id(), null);
        java.time.Instant now = java.time.Instant.now();
        Answer traded = api.post("challenges/" + id + "/events", """
                [ { "type": "TRADE_OPENED", "id": "t-1", "at": "%s", "symbol": "EURUSD", "side": "BUY", "volume": 1,
                    "price": 1.08 },
                  { "type": "TRADE_CLOSED", "id": "t-1", "at": "%s", "price": 1.09, "profit": 3000 } ]
                """.formatted(now.plusSeconds(1), now.plusSeconds(2)));
        assertThat(traded.status()).as(traded.body()).isEqualTo(200);
        Http mine = trader.http();

        JsonObject tooMuch = conforming("GET", "challenges/" + id + "/payouts/eligibility",
                mine.get("challenges/" + id + "/payouts/eligibility?amount=5000")).json();
        assertThat(tooMuch.getBoolean("eligible")).isFalse();
        assertThat(money(tooMuch, "withdrawable")).isEqualByComparingTo("3000");
        assertThat(tooMuch.getJsonArray("conditions").getString(0)).isEqualTo("WITHDRAWABLE");
        JsonObject small = assertProblem(conforming("POST", "challenges/" + id + "/payouts",
                mine.post("challenges/" + id + "/payouts", "{\"amount\": 50}")), 422,
                "MIN_AMOUNT");
        assertThat(small.getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("amount 50.00 is below the minimum 100.00");
        assertProblem(mine.post("challenges/" + id + "/payouts", "{\"amount\": \"lots\"}"), 400, "amount");

        Answer requested = conforming("POST", "challenges/" + id + "/payouts",
                mine.post("challenges/" + id + "/payouts", "{\"amount\": 2000}"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String payoutId = requested.json().getString("id");
        assertThat(requested.json().getString("status")).isEqualTo("PENDING");
        assertProblem(mine.post("challenges/" + id + "/payouts", "{\"amount\": 500}"), 422, "PENDING");

        Http risk = Accounts.withRoles(api, "RISK").http();
        Http secondRisk = Accounts.withRoles(api, "RISK").http();
        assertThat(risk.get("payouts?status=PENDING").json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("id")).contains(payoutId);
        assertThat(mine.post("payouts/" + payoutId + "/approve", "").status()).isEqualTo(403);
        Answer first = conforming("POST", "payouts/" + payoutId + "/approve", risk.post("payouts/" + payoutId + "/approve", ""));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().getString("status")).isEqualTo("PENDING");
        assertThat(first.json().getString("firstApprovedBy")).startsWith("risk:");
        assertProblem(risk.post("payouts/" + payoutId + "/approve", ""), 409, null);
        Answer paid = conforming("POST", "payouts/" + payoutId + "/approve",
                secondRisk.post("payouts/" + payoutId + "/approve", ""));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().getString("status")).isEqualTo("PAID");
        assertThat(money(paid.json(), "traderShare")).isEqualByComparingTo("1600");
        assertThat(money(paid.json(), "firmShare")).isEqualByComparingTo("400");
        assertProblem(secondRisk.post("payouts/" + payoutId + "/approve", ""), 409, null);

        JsonObject account = mine.get("challenges/" + id).json();
        assertThat(money(account, "balance")).isEqualByComparingTo("101000");
        assertThat(money(account, "equity")).isEqualByComparingTo("101000");
        assertThat(money(account, "maxLossFloor")).isEqualByComparingTo("90000");
        // The day's anchor fell with the payout: the daily room is what it was before it.
        assertThat(money(account, "dailyLossRoom")).isEqualByComparingTo("8000");
        JsonObject after = mine.get("challenges/" + id + "/payouts/eligibility").json();
        assertThat(money(after, "withdrawable")).isEqualByComparingTo("1000");

        List<JsonObject> ledger = conforming("GET", "challenges/" + id + "/payouts", mine.get("challenges/" + id + "/payouts"))
                .json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertThat(ledger).singleElement().satisfies(p -> {
            assertThat(p.getString("status")).isEqualTo("PAID");
            assertThat(money(p, "amount")).isEqualByComparingTo("2000");
            assertThat(p.getString("requestedBy")).startsWith("trader:");
            assertThat(p.getString("decidedBy")).startsWith("risk:");
            assertThat(p.isNull("paidAt")).isFalse();
        });
        Answer csv = mine.with("Accept", "text/csv").get("payouts");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSize(2).first().asString().startsWith("id,challengeId,traderId");
        assertThat(csv.body()).contains(payoutId).contains(",2000,1600,400,PAID,");
        assertThat(mine.get("challenges/" + id + "/payouts?format=csv").body()).contains(payoutId);
        // The warehouse export of payouts, filtered by plan: the paid row with its exact shares, streamed as CSV.
        Answer exported = api.get("exports/payouts?plan=" + code + "&format=csv");
        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        assertThat(exported.body().lines().toList()).hasSize(2).first().asString()
                .startsWith("payoutId,challengeId,traderId,planCode");
        assertThat(exported.body()).contains(payoutId + "," + id).contains(",USD,2000,1600,400,PAID,");
        assertThat(mine.get("exports/payouts").status()).isEqualTo(403);
        assertThat(mine.get("payouts?traderId=someone-else").status()).isEqualTo(403);
        assertThat(mine.get("payouts/totals").status()).isEqualTo(403);
        assertThat(conforming("GET", "payouts/totals", api.get("payouts/totals")).json().getJsonArray("items").getValuesAs(JsonObject.class))
                .filteredOn(t -> t.getString("planCode").equals(code)).singleElement()
                .satisfies(t -> assertThat(money(t, "firmShare")).isEqualByComparingTo("400"));

        List<String> kinds = api.get("challenges/" + id + "/audit").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("kind")).toList();
        assertThat(kinds).containsSubsequence("PAYOUT_REQUESTED", "PAYOUT_APPROVED", "PAYOUT_PAID");
        assertThat(api.get("challenges/" + id + "/audit/verify").json().getBoolean("valid")).isTrue();

        String second = mine.post("challenges/" + id + "/payouts", "{\"amount\": 500}").json().getString("id");
        assertProblem(risk.post("payouts/" + second + "/reject", "{}"), 422, "reason");
        Answer rejected = conforming("POST", "payouts/" + second + "/reject",
                risk.post("payouts/" + second + "/reject", "{\"reason\": \"copy trading under review\"}"));
        assertThat(rejected.json().getString("status")).isEqualTo("REJECTED");
        assertThat(rejected.json().getString("reason")).isEqualTo("copy trading under review");
        assertThat(mine.get("challenges/" + id + "/payouts/eligibility?amount=500").json().getBoolean("eligible"))
                .isTrue();
        assertThat(money(mine.get("challenges/" + id).json(), "balance")).isEqualByComparingTo("101000");
        assertProblem(api.post("challenges/" + id + "/events", "{\"type\": \"PAYOUT\", \"at\": \""
                + now.plusSeconds(3) + "\", \"amount\": 100}"), 422, "type");
        // The paid payout is in the stored log: replayed from the start, the log gives the account's state.
        JsonObject challenge = api.get("challenges/" + id).json();
        List<JsonObject> log = api.get("challenges/" + id + "/events?after=0&limit=100").json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertThat(log).extracting(e -> e.getJsonObject("event").getString("type"))
                .containsExactly("TRADE_OPENED", "TRADE_CLOSED", "PAYOUT");
        assertThat(log.get(2).getJsonNumber("seq").longValue()).isEqualTo(challenge.getJsonNumber("seq").longValue());
        StringBuilder replay = new StringBuilder("{\"planCode\": \"" + code + "\", \"startAt\": \""
                + challenge.getString("startedAt") + "\", \"events\": [");
        for (int i = 0; i < log.size(); i++) {
            replay.append(i == 0 ? "" : ", ").append(log.get(i).getJsonObject("event"));
        }
        JsonObject replayed = api.post("simulations", replay.append("]}").toString()).json().getJsonObject("final");
        for (String figure : List.of("balance", "equity", "dailyLossFloor", "maxLossFloor", "dayStartEquity")) {
            assertThat(money(replayed, figure)).as(figure).isEqualByComparingTo(money(challenge, figure));
        }
    }

    private static String event(String challengeId, String type, String fields) {
        return "{\"challengeId\": \"" + challengeId + "\", \"type\": \"" + type + "\", " + fields + "}";
    }

    /**
     * Checks an answer against the published contract (openapi.yaml) for its operation and status, so
     * that the contract cannot drift from what the code answers.
     */
    private static Answer conforming(String method, String path, Answer answer) {
        String mediaType = answer.contentType().split(";")[0].strip();
        assertThat(CONTRACT.responseProblems(method, "/" + path.split("\\?")[0], answer.status(), mediaType,
                answer.body())).as(method + " " + path + " " + answer.status() + " against openapi.yaml: " + answer.body())
                .isEmpty();
        return answer;
    }

    @Test
    void judgesConductRulesAgainstTheCalendarAndFlagsRaiseConductAlerts() {
        String code = Plans.uniqueCode("conduct");
        String symbol = ("N" + code.replaceAll("[^a-z0-9]", "")).toUpperCase();
        symbol = symbol.substring(0, Math.min(symbol.length(), 30));
        Answer badPlan = api.post("plans", """
                { "code": "%s", "initialBalance": 100000, "dayBoundary": { "zone": "UTC", "time": "00:00" },
                  "phases": [ { "maxLoss": { "pct": 10 }, "conduct": { "maxLotsPerTrade": { "lots": -1 } } } ] }
                """.formatted(code));
        assertProblem(conforming("POST", "plans", badPlan), 422, "phases[0].conduct.maxLotsPerTrade.lots");
        Answer plan = api.post("plans", """
                { "code": "%s", "initialBalance": 100000, "dayBoundary": { "zone": "UTC", "time": "00:00" },
                  "phases": [ { "maxLoss": { "pct": 10 }, "conduct": {
                    "maxLotsPerTrade": { "lots": 2 }, "maxOpenTrades": { "count": 1, "onViolation": "FLAG" },
                    "news": { "beforeSeconds": 60, "afterSeconds": 60, "onViolation": "FLAG" } } } ] }
                """.formatted(code));
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        JsonObject conduct = conforming("GET", "plans/" + code, api.get("plans/" + code)).json().getJsonObject("definition")
                .getJsonArray("phases")
                .getJsonObject(0).getJsonObject("conduct");
        assertThat(conduct.getJsonObject("maxLotsPerTrade").getString("onViolation")).isEqualTo("FAIL");
        assertThat(conduct.getJsonObject("news").getJsonArray("impact").getString(0)).isEqualTo("HIGH");

        // The calendar: one entry by JSON, two by CSV, one changed, one deleted; a bad line refuses the import.
        Answer entry = api.post("calendar", """
                { "at": "2026-03-06T13:30:00Z", "title": "Payrolls", "impact": "HIGH", "symbols": ["%s"] }
                """.formatted(symbol));
        assertThat(conforming("POST", "calendar", entry).status()).as(entry.body()).isEqualTo(201);
        String entryId = entry.json().getString("id");
        Answer imported = api.send(java.net.http.HttpRequest.newBuilder(api.base().resolve("calendar"))
                .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "at,title,impact,symbols\n2026-03-07T12:00:00Z,\"CPI, core\",MEDIUM,%s|XAUUSD\n"
                                .formatted(symbol) + "2026-03-08T12:00:00Z,Rates,LOW,%s EURUSD\n".formatted(symbol))));
        assertThat(conforming("POST", "calendar", imported).status()).as(imported.body()).isEqualTo(201);
        assertThat(array(imported.body())).hasSize(2);
        Answer badCsv = api.send(java.net.http.HttpRequest.newBuilder(api.base().resolve("calendar"))
                .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "at,title,impact,symbols\n2026-03-07T12:00:00Z,CPI,SEVERE,EURUSD\n")));
        assertProblem(conforming("POST", "calendar", badCsv), 422, "lines[1].impact");
        String secondId = array(imported.body()).getJsonObject(1).getString("id");
        Answer updated = api.put("calendar/" + secondId, """
                { "at": "2026-03-08T12:00:00Z", "title": "Rate decision", "impact": "HIGH", "symbols": ["EURUSD"] }""");
        assertThat(conforming("PUT", "calendar/" + secondId, updated).json().getString("title")).isEqualTo("Rate decision");
        assertThat(api.delete("calendar/" + secondId).status()).isEqualTo(204);
        assertProblem(api.get("calendar/" + secondId), 404, null);
        assertThat(conforming("GET", "calendar", api.get("calendar")).body()).contains(entryId).doesNotContain(secondId);
        assertProblem(api.post("calendar", "{ \"at\": \"soon\", \"title\": \"x\", \"impact\": \"HIGH\", "
                + "\"symbols\": [\"EURUSD\"] }"), 422, "at");

        String id = started(code, "trader-conduct", "2026-03-06T08:00:00Z");
        Answer news = api.post("challenges/" + id + "/events", """
                [ { "type": "TRADE_OPENED", "id": "t-1", "at": "2026-03-06T13:29:00Z", "symbol": "%s",
                    "side": "BUY", "volume": 1, "price": 1.08, "risk": 120.5, "clientIp": "203.0.113.7" },
                  { "type": "TRADE_OPENED", "id": "t-2", "at": "2026-03-06T14:00:00Z", "symbol": "EURUSD",
                    "side": "BUY", "volume": 1, "price": 1.08 },
                  { "type": "TRADE_MODIFIED", "id": "t-1", "at": "2026-03-06T14:01:00Z", "stopLoss": 1.07 } ]
                """.formatted(symbol));
        assertThat(conforming("POST", "challenges/" + id + "/events", news).status()).as(news.body()).isEqualTo(200);
        assertThat(news.body()).contains("\"rule\":\"NEWS_TRADING\"", "\"rule\":\"MAX_OPEN_TRADES\"");
        assertThat(news.json().getJsonObject("challenge").getString("status")).isEqualTo("ACTIVE");
        JsonObject alerts = conforming("GET", "alerts", api.get("alerts?kind=CONDUCT&challengeId=" + id)).json();
        assertThat(alerts.getJsonArray("items")).as(alerts.toString()).hasSize(2);

        Answer tooBig = api.post("challenges/" + id + "/events", """
                { "type": "TRADE_OPENED", "id": "t-3", "at": "2026-03-06T15:00:00Z", "symbol": "EURUSD",
                  "side": "SELL", "volume": 2.5, "price": 1.08 }""");
        JsonObject failed = conforming("POST", "challenges/" + id + "/events", tooBig).json().getJsonObject("challenge");
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getJsonObject("failure").getString("rule")).isEqualTo("MAX_LOTS_PER_TRADE");
        assertProblem(api.post("challenges/" + id + "/events",
                "{ \"type\": \"TRADE_MODIFIED\", \"id\": \"t-1\", \"at\": \"2026-03-06T16:00:00Z\", "
                        + "\"stopLoss\": -1 }"), 422, "stopLoss");
        assertThat(api.delete("calendar/" + entryId).status()).isEqualTo(204);
    }

    private static void assertResult(JsonObject result, int index, String challengeId, String status) {
        assertThat(result.getInt("index")).as(result.toString()).isEqualTo(index);
        assertThat(result.getString("challengeId")).as(result.toString()).isEqualTo(challengeId);
        assertThat(result.getString("status")).as(result.toString()).isEqualTo(status);
    }

    private static BigDecimal metricValue(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .map(l -> new BigDecimal(l.substring(l.lastIndexOf(' ') + 1)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private String started(String planCode, String trader, String startAt) {
        Answer created = api.post("challenges", start(planCode, trader, startAt));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getString("id");
    }

    private static String start(String planCode, String trader, String startAt) {
        return "{\"planCode\": \"" + planCode + "\", \"traderId\": \"" + trader + "\""
                + (startAt == null ? "" : ", \"startAt\": \"" + startAt + "\"") + "}";
    }

    private static jakarta.json.JsonArray array(String body) {
        return jakarta.json.Json.createReader(new java.io.StringReader(body)).readArray();
    }

    private static BigDecimal money(JsonObject json, String name) {
        return json.getJsonNumber(name).bigDecimalValue();
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection connection = TestServices.postgres().connect();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void execute(String sql, String... parameters) throws Exception {
        try (Connection connection = TestServices.postgres().connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    /** A statement that changes no rows (DDL). */
    private static void execute(String sql) throws Exception {
        try (Connection connection = TestServices.postgres().connect();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
