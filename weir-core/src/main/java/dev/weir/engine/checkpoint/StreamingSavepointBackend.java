package dev.weir.engine.checkpoint;

/**
 * The part of the state-backend SPI for a keyed state backend whose savepoints are read key group by key group from
 * a point-in-time copy instead of all at once on the task thread (RocksDB: a RocksDB checkpoint of hard links). The
 * savepoint is in the canonical format all the same. Called by the task's thread.
 */
public interface StreamingSavepointBackend {
    /**
     * At the barrier of savepoint {@code checkpointId}: a copy of the keyed state, and of the timers when the backend
     * keeps them ({@link dev.weir.engine.time.CheckpointableTimerServices#storedInBackendFiles()}), to be read later.
     */
    DeferredKeyGroups snapshotForSavepoint(long checkpointId) throws Exception;
}
