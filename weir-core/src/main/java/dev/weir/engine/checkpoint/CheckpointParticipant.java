package dev.weir.engine.checkpoint;

import java.util.List;

/**
 * A task as the checkpoint coordinator sees it. Sources are triggered; other tasks take part through barriers in
 * their input. Every method may be called from the coordinator's thread; the task does its work on its own thread.
 */
public interface CheckpointParticipant {
    /** Asks a source task to take checkpoint {@code id} and emit its barrier; ignored by non-source tasks. */
    void triggerCheckpoint(long checkpointId, long timestamp);

    /** Asks a source task to emit the final watermark now (stop with drain); ignored by non-source tasks. */
    default void drain() {
    }

    /** Tells the task that checkpoint {@code id} completed, so its sinks may commit. */
    void notifyCheckpointComplete(long checkpointId);

    /** The task's state once it has finished all its work, or null while it runs. */
    List<OperatorSubtaskSnapshot> finishedSnapshot();
}
