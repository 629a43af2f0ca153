package dev.weir.engine.checkpoint;

import java.util.Map;

/**
 * What an operator gets before it opens: whether the job was restored, and this subtask's share of the operator's
 * restored non-keyed state (empty on a fresh start). Keyed state is restored into the backend before this.
 */
public record StateInitialization(boolean restored, long restoredCheckpointId, Map<String, OperatorStateSnapshot.Entry> operatorState) {
    public static final StateInitialization FRESH = new StateInitialization(false, -1, Map.of());

    public OperatorStateSnapshot.Entry get(String name) {
        return operatorState.get(name);
    }
}
