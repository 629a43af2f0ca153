package dev.weir.runtime.state;

/** Which checkpoint is being taken. */
public interface FunctionSnapshotContext {
    long getCheckpointId();

    long getCheckpointTimestamp();
}
