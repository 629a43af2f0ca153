package dev.weir.streaming.api.environment;

import dev.weir.api.common.ExecutionConfig;
import dev.weir.configuration.CheckpointingOptions;
import dev.weir.configuration.ConfigOption;
import dev.weir.configuration.Configuration;
import dev.weir.configuration.CoreOptions;
import dev.weir.configuration.ExecutionOptions;
import dev.weir.configuration.PipelineOptions;
import dev.weir.configuration.ReadableConfig;
import dev.weir.configuration.RestOptions;
import dev.weir.configuration.StateBackendOptions;
import dev.weir.configuration.StateRecoveryOptions;
import dev.weir.plan.CheckpointSettings;
import dev.weir.runtime.jobgraph.SavepointConfigOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies Flink's configuration options to an environment, so that {@code env.configure(config)} and
 * {@code getExecutionEnvironment(config)} have the effect the same keys have in Flink. Keys starting with
 * {@code weir.} and the runtime's own keys go to the runtime, which refuses the ones it does not know; any other key
 * is accepted with one log line saying Weir does not use it.
 */
final class EnvironmentOptions {
    private static final System.Logger LOG = System.getLogger(StreamExecutionEnvironment.class.getName());

    /** Keys of options that are read below or only describe the REST endpoint, with their deprecated keys. */
    private static final Set<String> USED = keysOf(List.of(ExecutionOptions.RUNTIME_MODE, CoreOptions.DEFAULT_PARALLELISM,
            PipelineOptions.MAX_PARALLELISM, PipelineOptions.AUTO_WATERMARK_INTERVAL, PipelineOptions.OBJECT_REUSE,
            PipelineOptions.OPERATOR_CHAINING, PipelineOptions.NAME, PipelineOptions.GLOBAL_JOB_PARAMETERS,
            CheckpointingOptions.CHECKPOINTING_INTERVAL, CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
            CheckpointingOptions.CHECKPOINTING_TIMEOUT, CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS,
            CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, CheckpointingOptions.TOLERABLE_FAILURE_NUMBER,
            CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, CheckpointingOptions.MAX_RETAINED_CHECKPOINTS,
            CheckpointingOptions.CHECKPOINTS_DIRECTORY, CheckpointingOptions.INCREMENTAL_CHECKPOINTS, CheckpointingOptions.FS_SMALL_FILE_THRESHOLD, StateBackendOptions.STATE_BACKEND, StateRecoveryOptions.SAVEPOINT_PATH,
            StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, RestOptions.BIND_ADDRESS, RestOptions.BIND_PORT,
            RestOptions.ADDRESS, RestOptions.PORT));
    /** The restart keys the runtime reads itself, passed through as given. */
    private static final Set<String> RUNTIME_KEYS = Set.of(CheckpointSettings.RESTART_STRATEGY,
            CheckpointSettings.RESTART_ATTEMPTS, CheckpointSettings.RESTART_DELAY, CheckpointSettings.RESTART_MAX_DELAY,
            CheckpointSettings.RESTART_BACKOFF_MULTIPLIER, CheckpointSettings.RESTART_FAILURE_RATE_INTERVAL,
            // Where the job runs (the weir-flink runner reads the cluster's endpoint and the jars to ship).
            dev.weir.plan.PipelineExecutor.TARGET, "rest.address", "rest.port", "pipeline.jars");

    private EnvironmentOptions() {
    }

    static void apply(ReadableConfig given, StreamExecutionEnvironment env) {
        Configuration config = Configuration.fromMap(given.toMap());
        config.getOptional(ExecutionOptions.RUNTIME_MODE).ifPresent(env::setRuntimeMode);
        config.getOptional(CoreOptions.DEFAULT_PARALLELISM).ifPresent(env::setParallelism);
        config.getOptional(PipelineOptions.MAX_PARALLELISM).filter(p -> p > 0).ifPresent(env::setMaxParallelism);
        ExecutionConfig executionConfig = env.getConfig();
        config.getOptional(PipelineOptions.AUTO_WATERMARK_INTERVAL).ifPresent(executionConfig::setAutoWatermarkInterval);
        config.getOptional(PipelineOptions.OBJECT_REUSE).ifPresent(on -> {
            if (on) {
                executionConfig.enableObjectReuse();
            } else {
                executionConfig.disableObjectReuse();
            }
        });
        config.getOptional(PipelineOptions.OPERATOR_CHAINING).ifPresent(env::setChainingEnabled);
        config.getOptional(PipelineOptions.NAME).ifPresent(env::setDefaultJobName);
        config.getOptional(PipelineOptions.GLOBAL_JOB_PARAMETERS)
                .ifPresent(map -> executionConfig.setGlobalJobParameters(new ExecutionConfig.MapBasedJobParameters(map)));
        applyCheckpointing(config, env.getCheckpointConfig());
        applyInlineThreshold(config, env);
        if (config.contains(StateBackendOptions.STATE_BACKEND)) {
            // The runtime loads the backend by this key and checks the other state.backend.* keys against it.
            env.putSetting(StateBackendOptions.STATE_BACKEND.key(), config.get(StateBackendOptions.STATE_BACKEND));
        }
        applyRestore(config, env);
        for (String key : config.keySet()) {
            // s3.*: Flink's options of the S3 checkpoint storage (endpoint, path style, keys), read by weir-s3.
            if (key.startsWith("weir.") || key.startsWith("s3.") || RUNTIME_KEYS.contains(key)
                    || key.startsWith("taskmanager.network.memory.buffer-debloat.")
                    || key.startsWith("state.backend.") && !key.equals(StateBackendOptions.STATE_BACKEND.key())) {
                env.putSetting(key, config.getString(key, null));
            } else if (!USED.contains(key)) {
                LOG.log(System.Logger.Level.INFO, "Configuration key ''{0}'' is accepted and not used by Weir", key);
            }
        }
        if (config.containsKey(CheckpointingOptions.INCREMENTAL_CHECKPOINTS.key())) {
            // Flink 2.x's key for what the RocksDB backend reads as state.backend.incremental; it wins over that
            // deprecated key, as in Flink. The heap backend ignores both.
            env.putSetting("state.backend.incremental", config.getString(CheckpointingOptions.INCREMENTAL_CHECKPOINTS.key(), null));
        }
    }

    private static void applyCheckpointing(Configuration config, CheckpointConfig checkpoints) {
        config.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).ifPresent(checkpoints::setCheckpointInterval);
        config.getOptional(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE).ifPresent(checkpoints::setCheckpointingMode);
        config.getOptional(CheckpointingOptions.CHECKPOINTING_TIMEOUT).ifPresent(d -> checkpoints.setCheckpointTimeout(d.toMillis()));
        config.getOptional(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS)
                .ifPresent(d -> checkpoints.setMinPauseBetweenCheckpoints(d.toMillis()));
        config.getOptional(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS).ifPresent(checkpoints::setMaxConcurrentCheckpoints);
        config.getOptional(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER).ifPresent(checkpoints::setTolerableCheckpointFailureNumber);
        config.getOptional(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION)
                .ifPresent(checkpoints::setExternalizedCheckpointRetention);
        config.getOptional(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS).ifPresent(checkpoints::setNumRetainedCheckpoints);
        config.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).ifPresent(checkpoints::setCheckpointStorage);
    }

    /** The inline threshold of the checkpoint storage, under its Flink 2.x key whichever key set it, in bytes. */
    private static void applyInlineThreshold(Configuration config, StreamExecutionEnvironment env) {
        config.getOptional(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD).ifPresent(size ->
                env.putSetting(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD.key(), Long.toString(size.getBytes())));
    }

    /** {@code execution.state-recovery.path} (or Flink 1.x's {@code execution.savepoint.path}) restores the next job. */
    private static void applyRestore(Configuration config, StreamExecutionEnvironment env) {
        // A flag set by an earlier configure call stays unless this configuration sets it again.
        boolean ignoreUnclaimed = config.getOptional(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE)
                .orElseGet(() -> Boolean.parseBoolean(env.setting(SavepointConfigOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE.key())));
        var path = config.getOptional(StateRecoveryOptions.SAVEPOINT_PATH);
        if (path.isPresent()) {
            env.setRestorePath(path.get(), ignoreUnclaimed);
        } else if (config.contains(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE)) {
            env.putSetting(SavepointConfigOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE.key(), Boolean.toString(ignoreUnclaimed));
        }
    }

    private static Set<String> keysOf(List<ConfigOption<?>> options) {
        Set<String> keys = new HashSet<>();
        for (ConfigOption<?> option : options) {
            keys.add(option.key());
            keys.addAll(option.fallbackKeys());
        }
        return keys;
    }
}
