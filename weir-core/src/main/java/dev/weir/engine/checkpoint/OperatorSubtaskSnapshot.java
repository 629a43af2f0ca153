package dev.weir.engine.checkpoint;

/**
 * Everything one operator of one subtask contributes to a checkpoint: its operator state and, for a keyed operator,
 * one {@link KeyGroupSnapshot} per key group it owns (starting at {@code firstKeyGroup}).
 */
public record OperatorSubtaskSnapshot(String operatorId, String operatorName, int parallelism, int maxParallelism, int subtask,
                                      OperatorStateSnapshot operatorState, int firstKeyGroup, KeyGroupSnapshot[] keyGroups) {
}
