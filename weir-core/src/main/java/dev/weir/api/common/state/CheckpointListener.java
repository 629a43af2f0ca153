package dev.weir.api.common.state;

/** Told when a checkpoint this function took part in completed (or was aborted). */
public interface CheckpointListener {
    void notifyCheckpointComplete(long checkpointId) throws Exception;

    default void notifyCheckpointAborted(long checkpointId) throws Exception {
    }
}
