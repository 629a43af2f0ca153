package dev.weir.connector.kinesis.sink;

import java.io.Serializable;
import java.util.function.Function;

/** The partition key of an element, which picks its shard (records of one key stay in order in one shard). */
@FunctionalInterface
public interface PartitionKeyGenerator<InputT> extends Function<InputT, String>, Serializable {
}
