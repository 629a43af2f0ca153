package dev.weir.api.checkpoint;

/** Which checkpoint is being taken. */
public interface FunctionSnapshotContext {
    long getCheckpointId();

    long getCheckpointTimestamp();
}
