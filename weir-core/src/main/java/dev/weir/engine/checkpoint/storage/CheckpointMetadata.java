package dev.weir.engine.checkpoint.storage;

import java.util.List;
import java.util.Objects;

/**
 * What a completed checkpoint or savepoint holds: the contents of its {@code _metadata} file.
 *
 * @param checkpointId the checkpoint's id, increasing within a job
 * @param timestamp when the checkpoint was triggered, epoch milliseconds
 * @param savepoint whether it is a savepoint (never deleted by retention)
 * @param jobName the job's name as given by the user
 * @param operators one entry per stateful operator
 */
public record CheckpointMetadata(long checkpointId, long timestamp, boolean savepoint, String jobName,
        List<OperatorStateMeta> operators) {

    /** Validates the fields and freezes the list. */
    public CheckpointMetadata {
        Objects.requireNonNull(jobName, "jobName");
        operators = List.copyOf(operators);
    }

    /** The operator with {@code operatorId}, or {@code null} when the checkpoint has no state for it. */
    public OperatorStateMeta operator(String operatorId) {
        for (int i = 0; i < operators.size(); i++) {
            if (operators.get(i).operatorId().equals(operatorId)) {
                return operators.get(i);
            }
        }
        return null;
    }
}
