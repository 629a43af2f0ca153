package dev.weir.engine.checkpoint.storage;

import java.util.List;
import java.util.Objects;

/**
 * One operator's part of a checkpoint: its identity and a file per subtask, ordered by subtask index.
 *
 * @param operatorId the operator's {@code uid}, or the id the runtime generated for it
 * @param operatorName the operator's display name, for messages
 * @param parallelism the parallelism it ran at when the checkpoint was taken
 * @param maxParallelism its number of key groups
 * @param subtasks one entry per subtask, {@code subtasks.get(i).subtask() == i}
 */
public record OperatorStateMeta(String operatorId, String operatorName, int parallelism, int maxParallelism,
        List<SubtaskStateMeta> subtasks) {

    /** Validates the fields and freezes the list. */
    public OperatorStateMeta {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(operatorName, "operatorName");
        subtasks = List.copyOf(subtasks);
        if (parallelism < 1 || maxParallelism < parallelism) {
            throw new IllegalArgumentException("operator '" + operatorId + "': parallelism " + parallelism
                    + " must be between 1 and maxParallelism " + maxParallelism);
        }
    }

    /** The subtask whose file holds {@code keyGroup}, or {@code null} when none does (no keyed state). */
    public SubtaskStateMeta subtaskHolding(int keyGroup) {
        for (int i = 0; i < subtasks.size(); i++) {
            SubtaskStateMeta subtask = subtasks.get(i);
            if (subtask.holdsKeyGroup(keyGroup)) {
                return subtask;
            }
        }
        return null;
    }
}
