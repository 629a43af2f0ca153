package dev.weir.runtime.exec;

import dev.weir.runtime.operators.StreamOperator;
import dev.weir.runtime.state.HeapKeyedStateBackend;
import dev.weir.runtime.time.HeapTimerServices;

/**
 * One operator of a subtask's chain with what a checkpoint needs of it: its stable id (uid, or one derived from the
 * program), its keyed state and timers (null when not keyed).
 */
record ChainMember(String operatorId, String operatorName, int parallelism, int maxParallelism, int subtask,
                   StreamOperator operator, HeapKeyedStateBackend keyedState, HeapTimerServices timers) {
}
