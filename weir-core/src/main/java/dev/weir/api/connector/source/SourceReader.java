package dev.weir.api.connector.source;

import dev.weir.core.io.InputStatus;

/**
 * Reads one subtask's share of a {@link Source}. All methods are called by one thread. {@link #pollNext} must
 * not block: return {@link InputStatus#NOTHING_AVAILABLE} and the runtime calls again later.
 */
public interface SourceReader<T> extends AutoCloseable {
    /** Called once before the first {@link #pollNext}. */
    default void start() throws Exception {
    }

    /** Emits zero or more elements (a bounded number per call) and says whether more may follow. */
    InputStatus pollNext(ReaderOutput<T> output) throws Exception;

    /** The reader's position for a checkpoint; a value the reader can {@link #restoreState} from. */
    default Object snapshotState(long checkpointId) throws Exception {
        return null;
    }

    /** Resumes from a position {@link #snapshotState} returned; called before {@link #start()}. */
    default void restoreState(Object state) throws Exception {
    }

    /**
     * The split enumerator will assign this reader no more splits (Flink's name); only called for a source whose
     * splits an enumerator assigns ({@code dev.weir.builtin.EnumeratedSource}). On the reader's thread, between polls.
     */
    default void notifyNoMoreSplits() {
    }

    /** Handles an event the split enumerator sent to this reader (Flink's name); on the reader's thread, between polls. */
    default void handleSourceEvents(SourceEvent sourceEvent) {
    }

    /** Called when a checkpoint that included this reader's position completed. */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {
    }

    @Override
    default void close() throws Exception {
    }
}
