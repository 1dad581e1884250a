package ai.tradesense.infrastructure.redis;

import java.io.StringReader;
import java.time.Instant;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import ai.tradesense.application.risk.Shard;
import ai.tradesense.infrastructure.json.Json;

/**
 * A shard as it waits in the work queue. Writing is deterministic (the same shard always gives the same
 * text), because completing a shard removes exactly the text that was claimed.
 */
final class ShardJson {

    private ShardJson() {
    }

    static String write(Shard shard) {
        return Json.createObjectBuilder().add("cycle", shard.cycle()).add("kind", shard.kind().name())
                .add("index", shard.index()).add("count", shard.count()).add("fromId", shard.fromId())
                .add("toId", shard.toId()).add("size", shard.size()).add("at", shard.at().toString())
                .build().toString();
    }

    static Shard read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return new Shard(o.getString("cycle"), Shard.Kind.valueOf(o.getString("kind")), o.getInt("index"),
                    o.getInt("count"), o.getString("fromId"), o.getString("toId"), o.getInt("size"),
                    Instant.parse(o.getString("at")));
        }
    }
}
