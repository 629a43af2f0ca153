package dev.weir.api.connector.source;

import java.io.Serializable;

/**
 * A message between a split enumerator and its readers (e.g. "this shard is finished"), as in Flink. Events travel
 * in the order they were sent, and an event sent before a checkpoint's enumerator snapshot reaches its reader before
 * that reader's snapshot of the same checkpoint.
 */
public interface SourceEvent extends Serializable {
}
