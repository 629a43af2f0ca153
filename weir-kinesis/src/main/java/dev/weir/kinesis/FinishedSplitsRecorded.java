package dev.weir.kinesis;

import dev.weir.api.connector.source.SourceEvent;
import java.util.Set;

/**
 * From the enumerator to a reader: these finished shards are in the enumerator's state, so the reader's checkpoints
 * no longer need to carry them (this event reaches the reader before its snapshot of any checkpoint whose enumerator
 * snapshot came after it was sent).
 */
record FinishedSplitsRecorded(Set<String> splitIds) implements SourceEvent {
}
