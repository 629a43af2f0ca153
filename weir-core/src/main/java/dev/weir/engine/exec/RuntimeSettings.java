package dev.weir.engine.exec;

import dev.weir.api.common.ExecutionConfig;
import dev.weir.api.common.InvalidProgramException;
import dev.weir.engine.state.KeyedStateBackendFactory;
import dev.weir.engine.state.StateBackendLoader;
import dev.weir.plan.CheckpointSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The runtime options a job may set with {@code env.configure(key, value)}; unknown keys are refused. {@code batch}
 * is the resolved {@code execution.runtime-mode} (the API turns AUTOMATIC into BATCH or STREAMING); the
 * {@link ExecutionConfig} is the environment's, which functions read through their runtime context. Keys under
 * {@code state.backend.} go to the state backend {@code state.backend.type} names, which checks them.
 */
record RuntimeSettings(int exchangeCapacity, int workerThreads, boolean batch, ExecutionConfig executionConfig,
                       KeyedStateBackendFactory stateBackend, Map<String, String> stateBackendSettings,
                       DebloatSettings debloat) {
    static final String EXCHANGE_CAPACITY = "weir.exchange.capacity";
    static final String WORKER_THREADS = "weir.workers";
    static final String RUNTIME_MODE = "execution.runtime-mode";
    private static final Set<String> KNOWN = Set.of(EXCHANGE_CAPACITY, WORKER_THREADS, RUNTIME_MODE,
            CheckpointSettings.INTERVAL, CheckpointSettings.MODE, CheckpointSettings.TIMEOUT, CheckpointSettings.MIN_PAUSE,
            CheckpointSettings.MAX_CONCURRENT, CheckpointSettings.TOLERABLE_FAILURES, CheckpointSettings.RETAINED,
            CheckpointSettings.RETENTION, CheckpointSettings.DIRECTORY, CheckpointSettings.RESTORE_PATH,
            CheckpointSettings.ALLOW_NON_RESTORED_STATE, CheckpointSettings.RESTART_STRATEGY, CheckpointSettings.RESTART_ATTEMPTS,
            CheckpointSettings.RESTART_DELAY, CheckpointSettings.RESTART_MAX_DELAY, CheckpointSettings.RESTART_BACKOFF_MULTIPLIER,
            CheckpointSettings.RESTART_FAILURE_RATE_INTERVAL, dev.weir.plan.PipelineExecutor.TARGET,
            dev.weir.engine.checkpoint.storage.CheckpointStorage.INLINE_THRESHOLD,
            // The remote target's endpoint and jars: read by the weir-flink runner, not used by the local runtime.
            "rest.address", "rest.port", "pipeline.jars");

    static RuntimeSettings from(Map<String, String> settings) {
        return from(settings, new ExecutionConfig());
    }

    static RuntimeSettings from(Map<String, String> settings, ExecutionConfig executionConfig) {
        for (String key : settings.keySet()) {
            if (!KNOWN.contains(key) && !DebloatSettings.KEYS.contains(key) && !key.startsWith(StateBackendLoader.PREFIX)
                    && !key.startsWith(dev.weir.engine.checkpoint.CheckpointOptions.STORAGE_PREFIX)) {
                throw new InvalidProgramException("Unknown setting '" + key + "': Weir knows " + knownKeys()
                        + " and the keys under '" + StateBackendLoader.PREFIX + "' and '"
                        + dev.weir.engine.checkpoint.CheckpointOptions.STORAGE_PREFIX + "'");
            }
        }
        int capacity = positive(settings, EXCHANGE_CAPACITY, 4096);
        int workers = positive(settings, WORKER_THREADS, Runtime.getRuntime().availableProcessors());
        String mode = settings.getOrDefault(RUNTIME_MODE, "STREAMING");
        if (!mode.equals("STREAMING") && !mode.equals("BATCH")) {
            throw new InvalidProgramException("Setting '" + RUNTIME_MODE + "' reaches the runtime as STREAMING or BATCH, was '"
                    + mode + "': set the mode with env.setRuntimeMode(...)");
        }
        Map<String, String> stateSettings = new HashMap<>();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            if (setting.getKey().startsWith(StateBackendLoader.PREFIX)) {
                stateSettings.put(setting.getKey(), setting.getValue());
            }
        }
        KeyedStateBackendFactory stateBackend;
        try {
            stateBackend = StateBackendLoader.load(stateSettings);
        } catch (IllegalArgumentException e) {
            throw new InvalidProgramException(e.getMessage(), e);
        }
        return new RuntimeSettings(capacity, workers, mode.equals("BATCH"), executionConfig, stateBackend, Map.copyOf(stateSettings),
                DebloatSettings.from(settings));
    }

    /** Every exact key a job may set, sorted: the runtime's own and the buffer debloating ones. */
    private static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>(KNOWN);
        keys.addAll(DebloatSettings.KEYS);
        return keys;
    }

    /** The positive integer set for {@code key}, or {@code defaultValue}; refused with the key's name otherwise. */
    static int positive(Map<String, String> settings, String key, int defaultValue) {
        String value = settings.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidProgramException("Setting '" + key + "' must be a positive integer, was '" + value + "'");
    }
}
