package dev.weir.engine.checkpoint;

import java.util.List;

/** Where a task reports its part of a checkpoint, from its own thread. */
public interface CheckpointAcknowledger {
    void acknowledge(long checkpointId, int taskIndex, List<OperatorSubtaskSnapshot> snapshots);

    /** The task could not take its part (e.g. a snapshot failed); the checkpoint is aborted. */
    void decline(long checkpointId, int taskIndex, Throwable reason);

    /** The task finished: it takes part in pending and later checkpoints with its finished snapshot. */
    void taskFinished(int taskIndex);

    /** Whether pending checkpoint {@code checkpointId} is a savepoint (snapshotted in the canonical format only). */
    default boolean isSavepoint(long checkpointId) {
        return false;
    }

    /** Checkpointing is off: tasks never see barriers, so nothing needs to be acknowledged. */
    CheckpointAcknowledger NONE = new CheckpointAcknowledger() {
        @Override
        public void acknowledge(long checkpointId, int taskIndex, List<OperatorSubtaskSnapshot> snapshots) {
        }

        @Override
        public void decline(long checkpointId, int taskIndex, Throwable reason) {
        }

        @Override
        public void taskFinished(int taskIndex) {
        }
    };
}
