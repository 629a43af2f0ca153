package dev.weir.api.connector.source;

/**
 * A part of a source's input that one reader reads (a file region, a Kafka partition, a Kinesis shard) together with
 * the reader's progress in it, as in Flink. A split enumerator hands splits to readers; a reader's checkpointed state
 * is the list of its splits.
 */
public interface SourceSplit {
    /** The split's id, unique within its source. */
    String splitId();
}
