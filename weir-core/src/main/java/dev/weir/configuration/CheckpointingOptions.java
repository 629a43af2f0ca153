package dev.weir.configuration;

import dev.weir.core.execution.CheckpointingMode;
import java.time.Duration;

/**
 * Checkpointing options with Flink 1.20's names, keys and defaults. Weir acts on the interval, mode, timeout,
 * minimum pause, concurrent and tolerable-failure counts, retention, retained count and directory (set them with
 * {@code env.configure(config)} or {@code getExecutionEnvironment(config)}); the rest are accepted and logged as unused.
 */
public final class CheckpointingOptions {
    private CheckpointingOptions() {
    }

    /** How often a checkpoint starts; checkpointing is off while unset. */
    public static final ConfigOption<Duration> CHECKPOINTING_INTERVAL = ConfigOptions.key("execution.checkpointing.interval")
            .durationType().noDefaultValue().withDescription("The interval between checkpoints; unset means no checkpoints.");

    public static final ConfigOption<CheckpointingMode> CHECKPOINTING_CONSISTENCY_MODE = ConfigOptions
            .key("execution.checkpointing.mode").enumType(CheckpointingMode.class).defaultValue(CheckpointingMode.EXACTLY_ONCE);

    public static final ConfigOption<Duration> CHECKPOINTING_TIMEOUT = ConfigOptions.key("execution.checkpointing.timeout")
            .durationType().defaultValue(Duration.ofMinutes(10));

    public static final ConfigOption<Duration> MIN_PAUSE_BETWEEN_CHECKPOINTS = ConfigOptions
            .key("execution.checkpointing.min-pause").durationType().defaultValue(Duration.ZERO);

    public static final ConfigOption<Integer> MAX_CONCURRENT_CHECKPOINTS = ConfigOptions
            .key("execution.checkpointing.max-concurrent-checkpoints").intType().defaultValue(1);

    public static final ConfigOption<Integer> TOLERABLE_FAILURE_NUMBER = ConfigOptions
            .key("execution.checkpointing.tolerable-failed-checkpoints").intType().defaultValue(0);

    public static final ConfigOption<ExternalizedCheckpointRetention> EXTERNALIZED_CHECKPOINT_RETENTION = ConfigOptions
            .key("execution.checkpointing.externalized-checkpoint-retention").enumType(ExternalizedCheckpointRetention.class)
            .defaultValue(ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);

    public static final ConfigOption<Integer> MAX_RETAINED_CHECKPOINTS = ConfigOptions.key("execution.checkpointing.num-retained")
            .intType().defaultValue(1).withDeprecatedKeys("state.checkpoints.num-retained");

    /** Where checkpoints are written: a path or {@code file://} URI. Weir's default is {@code weir-checkpoints}. */
    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY = ConfigOptions.key("execution.checkpointing.dir")
            .stringType().noDefaultValue().withDeprecatedKeys("state.checkpoints.dir", "state.backend.fs.checkpointdir");

    /** Accepted, not used: Weir writes savepoints where {@code triggerSavepoint(dir)} says. */
    public static final ConfigOption<String> SAVEPOINT_DIRECTORY = ConfigOptions.key("execution.checkpointing.savepoint-dir")
            .stringType().noDefaultValue().withDeprecatedKeys("state.savepoints.dir", "savepoints.state.backend.fs.dir");

    /** {@code jobmanager} or {@code filesystem}; Weir always writes checkpoints to files. */
    public static final ConfigOption<String> CHECKPOINT_STORAGE = ConfigOptions.key("execution.checkpointing.storage")
            .stringType().noDefaultValue().withDeprecatedKeys("state.checkpoint-storage");

    /** Flink 1.20 keeps the state backend's key here too; see {@link StateBackendOptions#STATE_BACKEND}. */
    public static final ConfigOption<String> STATE_BACKEND = ConfigOptions.key("state.backend.type").stringType()
            .noDefaultValue().withDeprecatedKeys("state.backend");

    /** Incremental checkpoints of the RocksDB backend (weir-rocksdb); the heap backend's checkpoints are always full. */
    public static final ConfigOption<Boolean> INCREMENTAL_CHECKPOINTS = ConfigOptions.key("execution.checkpointing.incremental")
            .booleanType().defaultValue(false).withDeprecatedKeys("state.backend.incremental");

    /**
     * A subtask's snapshot of at most this size is stored inline in the checkpoint's {@code _metadata} instead of a file
     * of its own (at most 1 mb; 0 writes every snapshot to a file), as in Flink.
     */
    public static final ConfigOption<MemorySize> FS_SMALL_FILE_THRESHOLD = ConfigOptions
            .key("execution.checkpointing.data-inline-threshold").memoryType().defaultValue(MemorySize.parse("20kb"))
            .withDeprecatedKeys("state.storage.fs.memory-threshold", "state.backend.fs.memory-threshold");

    /** Accepted, not used: Weir's checkpoints are aligned. */
    public static final ConfigOption<Boolean> ENABLE_UNALIGNED = ConfigOptions.key("execution.checkpointing.unaligned.enabled")
            .booleanType().defaultValue(false).withDeprecatedKeys("execution.checkpointing.unaligned");
}
