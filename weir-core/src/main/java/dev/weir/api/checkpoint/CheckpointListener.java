package dev.weir.api.checkpoint;

/** Told when a checkpoint this function took part in completed (or was aborted). */
public interface CheckpointListener {
    void notifyCheckpointComplete(long checkpointId) throws Exception;

    default void notifyCheckpointAborted(long checkpointId) throws Exception {
    }
}
