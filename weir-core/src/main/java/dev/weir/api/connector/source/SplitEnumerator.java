package dev.weir.api.connector.source;

import dev.weir.api.common.state.CheckpointListener;
import java.io.IOException;
import java.util.List;

/**
 * Discovers a source's splits and assigns them to readers, as Flink's FLIP-27 enumerator: one instance per source
 * of a job, whose methods are all called by one thread, the source's coordinator thread (never a task thread). Its
 * {@link #snapshotState} is part of every checkpoint, taken before the readers' snapshots of the same checkpoint.
 *
 * @param <SplitT>      the split type
 * @param <CheckpointT> what {@link #snapshotState} returns and the source's {@code restoreEnumerator} takes
 */
public interface SplitEnumerator<SplitT extends SourceSplit, CheckpointT> extends AutoCloseable, CheckpointListener {
    /** Called once, before any other method but {@link #addSplitsBack}; may start periodic work with {@code callAsync}. */
    void start();

    /** A reader asked for a split ({@code requesterHostname} may be null). */
    void handleSplitRequest(int subtaskId, String requesterHostname);

    /**
     * Splits that were assigned to reader {@code subtaskId} come back: Weir calls this when a job is restored at a
     * different parallelism, with each old reader's checkpointed splits, before {@link #start()}.
     */
    void addSplitsBack(List<SplitT> splits, int subtaskId);

    /** Reader {@code subtaskId} is registered and can be assigned splits. */
    void addReader(int subtaskId);

    /** The enumerator's state for checkpoint {@code checkpointId}. */
    CheckpointT snapshotState(long checkpointId) throws Exception;

    @Override
    void close() throws IOException;

    @Override
    default void notifyCheckpointComplete(long checkpointId) throws Exception {
    }

    /** Handles an event a reader sent with {@link SourceReaderContext#sendSourceEventToCoordinator}. */
    default void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {
    }
}
