package ai.tradesense.interfaces.rest.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
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

import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.Http.Answer;
import ai.tradesense.testsupport.RealServices;
import ai.tradesense.testsupport.Plans;
import static ai.tradesense.testsupport.ProblemAssert.assertProblem;
import ai.tradesense.testsupport.TestServices;

/**
 * The plans resource through every layer — REST, the stateless service, JPA, Flyway's schema — on
 * Payara Micro against the real PostgreSQL and Redis, plus the node's health and metrics there.
 */
@ExtendWith({RealServices.class, ArquillianExtension.class})
@RunAsClient
class PlanApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/tradesense-web.war"));
    }

    @ArquillianResource
    URL base;

    Http api;
    Http server;

    @BeforeEach
    void clients() throws Exception {
        api = Accounts.admin(new Http(base.toURI().resolve("api/v1/")));
        server = new Http(new URI(base.getProtocol(), null, base.getHost(), base.getPort(), "/", null, null));
    }

    @Test
    void publishesReadsAndRevisesAPlanInPostgres() throws Exception {
        String code = Plans.uniqueCode("two-step");

        Answer created = api.post("plans", Plans.twoStep(code));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        assertThat(created.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/plans/" + code + "?version=1"));
        JsonObject plan = created.json();
        assertThat(plan.getString("code")).isEqualTo(code);
        assertThat(plan.getInt("version")).isEqualTo(1);
        JsonObject definition = plan.getJsonObject("definition");
        assertThat(definition.getJsonObject("dayBoundary").getString("zone")).isEqualTo("Europe/Prague");
        // Defaults are spelled out in the stored canonical document.
        assertThat(definition.getJsonArray("phases").getJsonObject(1).getString("kind")).isEqualTo("EVALUATION");
        assertThat(definition.getJsonArray("phases").getJsonObject(1).getJsonObject("dailyLoss").getString("anchor"))
                .isEqualTo("DAY_START_BALANCE");

        Answer byLocation = api.get(created.location().orElseThrow());
        assertThat(byLocation.status()).isEqualTo(200);
        assertThat(byLocation.json()).isEqualTo(plan);

        Answer revised = api.put("plans/" + code, Plans.futures(code, "50000"));
        assertThat(revised.status()).isEqualTo(200);
        assertThat(revised.json().getInt("version")).isEqualTo(2);
        assertThat(revised.location()).hasValueSatisfying(l -> assertThat(l).endsWith("?version=2"));

        assertThat(api.get("plans/" + code).json().getInt("version")).isEqualTo(2);
        assertThat(api.get("plans/" + code).json().getJsonNumber("initialBalance").bigDecimalValue())
                .isEqualByComparingTo("50000");
        assertThat(api.get("plans/" + code + "?version=1").json().getJsonNumber("initialBalance").bigDecimalValue())
                .isEqualByComparingTo("100000");
        assertThat(api.get("plans/" + code + "?version=3").status()).isEqualTo(404);

        assertThat(storedVersions(code)).containsExactly(1, 2);
        assertThat(storedInitialBalance(code, 1)).isEqualByComparingTo("100000.0000");
    }

    @Test
    void listsTheNewestVersionOfEachPlanByPage() {
        String first = Plans.uniqueCode("aaa-list");
        String second = Plans.uniqueCode("aab-list");
        assertThat(api.post("plans", Plans.twoStep(first)).status()).isEqualTo(201);
        assertThat(api.post("plans", Plans.twoStep(second)).status()).isEqualTo(201);
        assertThat(api.put("plans/" + first, Plans.futures(first, "25000")).status()).isEqualTo(200);

        JsonObject page = api.get("plans?page=0&size=100").json();
        assertThat(page.getInt("size")).isEqualTo(100);
        assertThat(page.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(2);
        var items = page.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).filteredOn(p -> p.getString("code").equals(first))
                .singleElement().satisfies(p -> assertThat(p.getInt("version")).isEqualTo(2));
        assertThat(items).filteredOn(p -> p.getString("code").equals(second)).hasSize(1);

        JsonObject small = api.get("plans?page=0&size=1").json();
        assertThat(small.getJsonArray("items")).hasSize(1);
        assertThat(small.getJsonNumber("total").longValue()).isEqualTo(page.getJsonNumber("total").longValue());

        assertProblem(api.get("plans?size=0"), 400, "size");
        assertProblem(api.get("plans?page=-1"), 400, "page");
        assertProblem(api.get("plans?size=abc"), 400, "size");
    }

    @Test
    void refusesADuplicateCodeAndKeepsTheFirstPlan() throws Exception {
        String code = Plans.uniqueCode("dup");
        assertThat(api.post("plans", Plans.twoStep(code)).status()).isEqualTo(201);

        Answer duplicate = api.post("plans", Plans.futures(code, "50000"));

        assertProblem(duplicate, 409, null);
        assertThat(storedVersions(code)).containsExactly(1);
        assertThat(storedInitialBalance(code, 1)).isEqualByComparingTo("100000");
    }

    @Test
    void answersBadInputWithProblemDetailsAndStoresNothing() throws Exception {
        String code = Plans.uniqueCode("bad");

        assertProblem(api.post("plans", "{\"code\": \"" + code + "\", "), 400, "");
        assertProblem(api.post("plans", ""), 400, "");
        assertProblem(api.post("plans", Plans.twoStep(code).replace("\"initialBalance\": 100000",
                "\"initialBalance\": \"lots\"")), 400, "initialBalance");
        assertProblem(api.post("plans", Plans.twoStep(code).replace("\"dailyLoss\": { \"pct\": 5, \"of\"",
                "\"dailyLoss\": { \"pct\": 150, \"of\"")), 422, "phases[0].dailyLoss.pct");
        assertProblem(api.post("plans", Plans.twoStep(code).replace("Europe/Prague", "Mars/Olympus")),
                422, "dayBoundary.zone");
        assertProblem(api.post("plans", Plans.twoStep(code).replace("\"breachWhen\": \"BELOW\"",
                "\"breachWhen\": \"SOMETIMES\"")), 422, "breachWhen");
        assertProblem(api.post("plans", Plans.twoStep(code).replace("\"currency\": \"USD\",",
                "\"currency\": \"USD\", \"colour\": \"blue\",")), 422, "colour");
        assertProblem(api.post("plans", Plans.twoStep(code).replace("\"initialBalance\": 100000",
                "\"initialBalance\": 1e30")), 422, "initialBalance");

        Answer wrongType = api.send(HttpRequest.newBuilder(api.base().resolve("plans"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(Plans.twoStep(code))));
        assertProblem(wrongType, 415, null);

        assertProblem(api.get("plans/" + code), 404, null);
        assertProblem(api.put("plans/" + code, Plans.twoStep(code)), 404, null);
        assertProblem(api.get("no-such-resource"), 404, null);
        assertThat(storedVersions(code)).isEmpty();
    }

    @Test
    void concurrentRevisionsNeverShareAVersion() throws Exception {
        String code = Plans.uniqueCode("race");
        assertThat(api.post("plans", Plans.twoStep(code)).status()).isEqualTo(201);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> revisions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String balance = Integer.toString(10_000 + i);
            revisions.add(() -> api.put("plans/" + code, Plans.futures(code, balance)).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(revisions)) {
            statuses.add(status.get());
        }
        pool.shutdown();

        assertThat(statuses).allMatch(s -> s == 200 || s == 409).contains(200);
        long stored = statuses.stream().filter(s -> s == 200).count();
        List<Integer> expected = new ArrayList<>();
        for (int v = 1; v <= stored + 1; v++) {
            expected.add(v);
        }
        assertThat(storedVersions(code)).containsExactlyElementsOf(expected);
    }

    @Test
    void reportsPostgresAndRedisReadyAndServesTheOperatorsMetrics() {
        Answer ready = server.get("health/ready");
        assertThat(ready.status()).isEqualTo(200);
        JsonObject database = check(ready.json(), "database");
        assertThat(database.getString("status")).isEqualTo("UP");
        assertThat(database.getJsonObject("data").getString("mode")).isEqualTo("PostgreSQL");
        JsonObject redis = check(ready.json(), "redis");
        assertThat(redis.getJsonObject("data").getString("available")).isEqualTo("true");
        assertThat(ready.body()).as("the public readiness shows no address").doesNotContain("jdbc:", ":5432", "redis://");
        assertThat(server.get("health/live").status()).isEqualTo(200);

        // Staff read where the database is and how each component stands.
        Answer details = api.get("admin/health");
        assertThat(details.status()).as(details.body()).isEqualTo(200);
        assertThat(details.json().getString("status")).isEqualTo("UP");
        assertThat(details.json().getJsonObject("database").getString("url")).startsWith("jdbc:postgresql:");
        assertThat(details.json().getJsonObject("redis").getBoolean("available")).isTrue();
        assertThat(api.anonymous().get("admin/health").status()).isEqualTo(401);
        assertThat(Accounts.trader(api.anonymous()).http().get("admin/health").status()).isEqualTo(403);

        api.get("plans?size=1");
        String metrics = server.get("metrics").body();
        assertThat(metrics).contains("api_response_duration_seconds_count{method=\"GET\"",
                "websocket_connections_active", "database_connection_pool_usage", "worker_queue_length");
        long redisBytes = metricValue(metrics, "redis_memory_usage_bytes").longValue();
        assertThat(redisBytes).as("used_memory from Redis INFO").isPositive();
        assertThat(metricValue(metrics, "database_connection_pool_usage").doubleValue()).isBetween(0.0, 1.0);
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no health check " + name + " in " + health));
    }

    private static BigDecimal metricValue(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .map(l -> new BigDecimal(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
    }

    private static List<Integer> storedVersions(String code) throws Exception {
        try (Connection connection = TestServices.postgres().connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT version FROM plan_version WHERE code = ? ORDER BY version")) {
            query.setString(1, code);
            List<Integer> versions = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.add(rows.getInt(1));
                }
            }
            return versions;
        }
    }

    private static BigDecimal storedInitialBalance(String code, int version) throws Exception {
        try (Connection connection = TestServices.postgres().connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT initial_balance FROM plan_version WHERE code = ? AND version = ?")) {
            query.setString(1, code);
            query.setInt(2, version);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getBigDecimal(1) : null;
            }
        }
    }
}
