package ai.tradesense.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.tradesense.application.risk.CycleReport;
import ai.tradesense.application.risk.Shard;
import ai.tradesense.application.risk.ShardDone;
import ai.tradesense.application.risk.ShardReport;

class CycleDocumentsTest {

    /** As the worker wrote it before the cycle records were typed; metrics and system tests read it. */
    private static final String STORED = "{\"cycle\":\"scan-1-ab\",\"kind\":\"SCAN\",\"startedAt\":\"2026-11-30T12:00:00Z\","
            + "\"finishedAt\":\"2026-11-30T12:00:02.500Z\",\"durationMillis\":2500,\"shards\":3,\"scanned\":2500,"
            + "\"attended\":12,\"ticks\":7,\"alerts\":2,\"failures\":1,\"shardsByNode\":{\"1@a\":2,\"2@b\":1}}";

    @Test
    void aFinishedCycleIsKeptInTheFormatItAlwaysHad() {
        Instant start = Instant.parse("2026-11-30T12:00:00Z");
        CycleReport report = CycleReport.of("scan-1-ab", Shard.Kind.SCAN, start, start.plusMillis(2500), List.of(
                new ShardDone("2@b", new ShardReport(500, 2, 1, 0, 1), start),
                new ShardDone("1@a", new ShardReport(1000, 5, 3, 1, 0), start),
                new ShardDone("1@a", new ShardReport(1000, 5, 3, 1, 0), start)));

        assertThat(CycleDocuments.write(report)).isEqualTo(STORED);
        assertThat(CycleDocuments.readCycle(STORED)).isEqualTo(report);
        assertThat(report.shardsByNode()).containsExactly(Map.entry("1@a", 2), Map.entry("2@b", 1));
    }

    @Test
    void aFinishedShardNamesItsNodeAndWhatItDid() {
        ShardDone done = new ShardDone("7@host", new ShardReport(50, 3, 2, 1, 0), Instant.parse("2026-11-30T12:00:01Z"));

        String json = CycleDocuments.write(done);

        assertThat(json).isEqualTo("{\"node\":\"7@host\",\"scanned\":50,\"attended\":3,\"ticks\":2,\"alerts\":1,"
                + "\"failures\":0,\"at\":\"2026-11-30T12:00:01Z\"}");
        assertThat(CycleDocuments.readDone(json)).isEqualTo(done);
    }

    @Test
    void aShardReadsBackAsTheSameTextSoItCanBeCompletedByIt() {
        String queued = "{\"cycle\":\"reset-1-cd\",\"kind\":\"RESET\",\"index\":1,\"count\":2,\"fromId\":\"m\","
                + "\"toId\":\"\",\"size\":50,\"at\":\"2026-11-30T00:00:40Z\"}";

        assertThat(ShardJson.write(ShardJson.read(queued))).isEqualTo(queued);
    }
}
