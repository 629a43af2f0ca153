package dev.weir.kinesis;

import dev.weir.api.connector.source.SourceEvent;
import java.util.Set;

/** From a reader to the enumerator: these shards are read to their end (all their records emitted). */
record SplitsFinishedEvent(Set<String> finishedSplitIds) implements SourceEvent {
}
