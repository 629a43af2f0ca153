package dev.weir.streaming.api;

import java.util.Objects;

/**
 * Flink 1.x's checkpointing mode, which 1.x jobs import from {@code streaming.api}; accepted wherever
 * {@link dev.weir.core.execution.CheckpointingMode} is ({@code env.enableCheckpointing(interval, mode)},
 * {@code CheckpointConfig.setCheckpointingMode}) and means the same.
 *
 * @deprecated as in Flink 1.20: use {@link dev.weir.core.execution.CheckpointingMode}
 */
@Deprecated
public enum CheckpointingMode {
    /** Barriers are aligned: every element affects the state of a checkpoint exactly once. */
    EXACTLY_ONCE,
    /** Barriers are not aligned: after a restore, some elements may affect the state again. */
    AT_LEAST_ONCE;

    /** The 2.x mode of a 1.x mode. */
    public static dev.weir.core.execution.CheckpointingMode convertToCheckpointingMode(CheckpointingMode mode) {
        Objects.requireNonNull(mode, "mode");
        return mode == EXACTLY_ONCE ? dev.weir.core.execution.CheckpointingMode.EXACTLY_ONCE
                : dev.weir.core.execution.CheckpointingMode.AT_LEAST_ONCE;
    }

    /** The 1.x mode of a 2.x mode. */
    public static CheckpointingMode convertFromCheckpointingMode(dev.weir.core.execution.CheckpointingMode mode) {
        Objects.requireNonNull(mode, "mode");
        return mode == dev.weir.core.execution.CheckpointingMode.EXACTLY_ONCE ? EXACTLY_ONCE : AT_LEAST_ONCE;
    }
}
