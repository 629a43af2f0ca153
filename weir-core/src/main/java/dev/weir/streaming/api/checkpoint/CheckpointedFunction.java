package dev.weir.streaming.api.checkpoint;

import dev.weir.runtime.state.FunctionInitializationContext;
import dev.weir.runtime.state.FunctionSnapshotContext;

/**
 * A function with state of its own that is not keyed (operator state) — or that wants a hook at checkpoints. Called
 * with {@link #initializeState} before {@code open}, and {@link #snapshotState} on every checkpoint.
 */
public interface CheckpointedFunction {
    void snapshotState(FunctionSnapshotContext context) throws Exception;

    void initializeState(FunctionInitializationContext context) throws Exception;
}
