package dev.weir.engine.checkpoint;

/**
 * Everything one operator of one subtask contributes to a checkpoint: its operator state and, for a keyed operator,
 * one {@link KeyGroupSnapshot} per key group it owns (starting at {@code firstKeyGroup}); for a backend that snapshots
 * into files ({@link FileSnapshottingBackend}), those files too, with only timers and operator-kept state in the key
 * groups; for a backend whose savepoints are read later ({@link StreamingSavepointBackend}), the copy that completes
 * each key group when it is written.
 */
public record OperatorSubtaskSnapshot(String operatorId, String operatorName, int parallelism, int maxParallelism, int subtask,
                                      OperatorStateSnapshot operatorState, int firstKeyGroup, KeyGroupSnapshot[] keyGroups,
                                      KeyedStateFileSnapshot keyedStateFiles, DeferredKeyGroups deferredKeyGroups) {
    /** A snapshot whose keyed state may be partly in files, none of it deferred. */
    public OperatorSubtaskSnapshot(String operatorId, String operatorName, int parallelism, int maxParallelism, int subtask,
                                   OperatorStateSnapshot operatorState, int firstKeyGroup, KeyGroupSnapshot[] keyGroups,
                                   KeyedStateFileSnapshot keyedStateFiles) {
        this(operatorId, operatorName, parallelism, maxParallelism, subtask, operatorState, firstKeyGroup, keyGroups, keyedStateFiles,
                null);
    }

    /** A snapshot whose keyed state, if any, is all in {@code keyGroups}. */
    public OperatorSubtaskSnapshot(String operatorId, String operatorName, int parallelism, int maxParallelism, int subtask,
                                   OperatorStateSnapshot operatorState, int firstKeyGroup, KeyGroupSnapshot[] keyGroups) {
        this(operatorId, operatorName, parallelism, maxParallelism, subtask, operatorState, firstKeyGroup, keyGroups, null);
    }
}
