package dev.weir.runtime.state;

import dev.weir.api.common.state.OperatorStateStore;
import dev.weir.streaming.api.checkpoint.CheckpointedFunction;

import dev.weir.api.common.state.KeyedStateStore;

/** What a {@link CheckpointedFunction} gets before it opens: its operator state, and whether it was restored. */
public interface FunctionInitializationContext {
    /** Whether the job was restored from a checkpoint or savepoint. */
    boolean isRestored();

    OperatorStateStore getOperatorStateStore();

    /** The keyed state of a keyed operator; on a non-keyed operator this throws with the fix. */
    KeyedStateStore getKeyedStateStore();
}
