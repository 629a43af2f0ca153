package dev.weir.engine.checkpoint;

import java.util.List;

/**
 * The part of the state-backend SPI for a keyed state backend that snapshots its keyed state as files (RocksDB's SST
 * files, for incremental checkpoints) instead of visiting it entry by entry. Checkpoints use it; savepoints never do:
 * they stay in the canonical format every backend reads. State an operator keeps itself and timers still go through
 * the entries. Called by the task's thread, except {@link KeyedStateFileSnapshot#write}.
 */
public interface FileSnapshottingBackend {
    /**
     * At the barrier of checkpoint {@code checkpointId}: a point-in-time copy of the keyed state as local files (cheap:
     * hard links), written into the checkpoint later on an I/O thread; or null when this backend is configured to
     * snapshot entries.
     */
    KeyedStateFileSnapshot snapshotFiles(long checkpointId) throws Exception;

    /**
     * Restores the keyed state of the old subtasks whose key groups overlap this backend's, before any entry is
     * restored: opens their files (one old subtask of the same key groups) or copies the key groups it owns out of
     * them (another parallelism).
     */
    void restoreFiles(List<RestoredStateFiles> oldSubtasks) throws Exception;

    /** Checkpoint {@code checkpointId} completed: the files it references may be referenced by the next one. */
    void notifyCheckpointComplete(long checkpointId);
}
