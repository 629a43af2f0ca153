package dev.weir.streaming.api.environment;

import dev.weir.configuration.CheckpointingOptions;
import dev.weir.configuration.ConfigOption;
import dev.weir.configuration.ExternalizedCheckpointRetention;
import java.time.Duration;

/**
 * Flink 1.x's place for the checkpointing options (deprecated there in 1.20): the same options as
 * {@link CheckpointingOptions}, so either name sets the same key.
 */
public final class ExecutionCheckpointingOptions {
    private ExecutionCheckpointingOptions() {
    }

    public static final ConfigOption<Duration> CHECKPOINTING_INTERVAL = CheckpointingOptions.CHECKPOINTING_INTERVAL;
    public static final ConfigOption<dev.weir.core.execution.CheckpointingMode> CHECKPOINTING_CONSISTENCY_MODE =
            CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE;
    public static final ConfigOption<Duration> CHECKPOINTING_TIMEOUT = CheckpointingOptions.CHECKPOINTING_TIMEOUT;
    public static final ConfigOption<Duration> MIN_PAUSE_BETWEEN_CHECKPOINTS = CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS;
    public static final ConfigOption<Integer> MAX_CONCURRENT_CHECKPOINTS = CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS;
    public static final ConfigOption<Integer> TOLERABLE_FAILURE_NUMBER = CheckpointingOptions.TOLERABLE_FAILURE_NUMBER;
    public static final ConfigOption<ExternalizedCheckpointRetention> EXTERNALIZED_CHECKPOINT_RETENTION =
            CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION;
    public static final ConfigOption<Boolean> ENABLE_UNALIGNED = CheckpointingOptions.ENABLE_UNALIGNED;
}
