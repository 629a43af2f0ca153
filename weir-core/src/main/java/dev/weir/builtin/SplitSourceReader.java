package dev.weir.builtin;

import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.SourceSplit;
import java.util.List;

/**
 * The reader of an {@link EnumeratedSource}: it reads the splits the enumerator assigns it, and its checkpointed
 * state is the list of those splits with its progress in them, as Flink's {@code SourceReader<T, SplitT>}.
 * Weir never calls {@link #restoreState} on it: restored splits come through {@link #addSplits} before
 * {@link #start()}.
 */
public interface SplitSourceReader<T, SplitT extends SourceSplit> extends SourceReader<T> {
    /** Splits assigned to this reader (or restored to it); on the reader's thread, between polls. */
    void addSplits(List<SplitT> splits);

    /** The reader's splits, with its progress in each, for checkpoint {@code checkpointId}. */
    @Override
    List<SplitT> snapshotState(long checkpointId) throws Exception;
}
