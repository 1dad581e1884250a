package ai.tradesense.infrastructure.redis;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import ai.tradesense.application.risk.CycleReport;
import ai.tradesense.application.risk.Shard;
import ai.tradesense.application.risk.ShardDone;
import ai.tradesense.application.risk.ShardReport;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.StrictJson;

/**
 * The worker's cycle records as the shared store keeps them, read by every worker node, the metrics and
 * the system tests: a finished shard {@code {"node", "scanned", "attended", "ticks", "alerts", "failures",
 * "at"}} and a finished cycle {@code {"cycle", "kind", "startedAt", "finishedAt", "durationMillis", "shards",
 * "scanned", "attended", "ticks", "alerts", "failures", "shardsByNode"}}, in that order.
 */
public final class CycleDocuments {

    private CycleDocuments() {
    }

    /** The last cycle's JSON, as the store keeps it and the JMX monitor shows it. */
    public static String write(CycleReport report) {
        JsonObjectBuilder nodes = Json.createObjectBuilder();
        report.shardsByNode().forEach(nodes::add);
        return Json.createObjectBuilder().add("cycle", report.cycle()).add("kind", report.kind().name())
                .add("startedAt", report.startedAt().toString()).add("finishedAt", report.finishedAt().toString())
                .add("durationMillis", report.durationMillis())
                .add("shards", report.shards()).add("scanned", report.scanned()).add("attended", report.attended())
                .add("ticks", report.ticks()).add("alerts", report.alerts()).add("failures", report.failures())
                .add("shardsByNode", nodes).build().toString();
    }

    public static CycleReport readCycle(String json) {
        JsonObject o = StrictJson.parse(json).asJsonObject();
        Map<String, Integer> byNode = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> node : o.getJsonObject("shardsByNode").entrySet()) {
            byNode.put(node.getKey(), ((JsonNumber) node.getValue()).intValue());
        }
        return new CycleReport(o.getString("cycle"), Shard.Kind.valueOf(o.getString("kind")),
                Instant.parse(o.getString("startedAt")), Instant.parse(o.getString("finishedAt")),
                o.getJsonNumber("durationMillis").longValue(), o.getInt("shards"),
                o.getJsonNumber("scanned").longValue(), o.getJsonNumber("attended").longValue(),
                o.getJsonNumber("ticks").longValue(), o.getJsonNumber("alerts").longValue(),
                o.getJsonNumber("failures").longValue(), byNode);
    }

    static String write(ShardDone done) {
        ShardReport report = done.report();
        return Json.createObjectBuilder().add("node", done.node()).add("scanned", report.scanned())
                .add("attended", report.attended()).add("ticks", report.ticks()).add("alerts", report.alerts())
                .add("failures", report.failures()).add("at", done.at().toString()).build().toString();
    }

    static ShardDone readDone(String json) {
        JsonObject o = StrictJson.parse(json).asJsonObject();
        return new ShardDone(o.getString("node"), new ShardReport(o.getInt("scanned"), o.getInt("attended"),
                o.getInt("ticks"), o.getInt("alerts"), o.getInt("failures")), Instant.parse(o.getString("at")));
    }
}
