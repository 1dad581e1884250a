package ai.tradesense.interfaces.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import ai.tradesense.application.risk.Shard;
import ai.tradesense.application.risk.WorkCycleService;

/** First step of a cycle: cut the trading challenges into shards on the shared queue. */
@Named("shardSplitter")
@Dependent
public class ShardSplitter extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String kind;

    @Inject
    WorkCycleService cycles;

    @Override
    public String process() {
        return cycles.split(Shard.Kind.valueOf(kind)).map(shards -> "SPLIT " + shards).orElse("STILL_RUNNING");
    }
}
