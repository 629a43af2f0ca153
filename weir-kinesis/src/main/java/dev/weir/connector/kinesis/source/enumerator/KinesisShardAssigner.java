package dev.weir.connector.kinesis.source.enumerator;

import dev.weir.api.connector.source.ReaderInfo;
import dev.weir.connector.kinesis.source.split.KinesisShardSplit;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the reader of a shard, as Flink's: called by the enumerator for each shard it can assign (a child only once
 * all its parents are finished), and must return a registered reader's subtask. The default spreads shards evenly
 * (the reader with the fewest unfinished shards, the lowest subtask first).
 */
public interface KinesisShardAssigner extends Serializable {
    /** The subtask that reads {@code split}. */
    int assign(KinesisShardSplit split, Context context);

    /** What the assigner knows when it chooses. */
    interface Context {
        /** The unfinished shards each reader has been assigned, by subtask. */
        Map<Integer, Set<KinesisShardSplit>> getCurrentSplitAssignment();

        /** The registered readers, by subtask. */
        Map<Integer, ReaderInfo> getRegisteredReaders();
    }
}
