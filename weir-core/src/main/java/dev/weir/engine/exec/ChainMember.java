package dev.weir.engine.exec;

import dev.weir.engine.operators.StreamOperator;
import dev.weir.engine.state.CheckpointableKeyedStateBackend;
import dev.weir.engine.time.CheckpointableTimerServices;

/**
 * One operator of a subtask's chain with what a checkpoint needs of it: its stable id (uid, or one derived from the
 * program), its keyed state and timers (null when not keyed).
 */
public record ChainMember(String operatorId, String operatorName, int parallelism, int maxParallelism, int subtask,
                          StreamOperator operator, CheckpointableKeyedStateBackend keyedState, CheckpointableTimerServices timers) {
}
