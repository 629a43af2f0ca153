package dev.weir.engine.exec;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.plan.CheckpointSettings;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The runtime options a job may set with {@code env.configure(key, value)}; unknown keys are refused. */
record RuntimeSettings(int exchangeCapacity, int workerThreads) {
    static final String EXCHANGE_CAPACITY = "weir.exchange.capacity";
    static final String WORKER_THREADS = "weir.workers";
    private static final Set<String> KNOWN = Set.of(EXCHANGE_CAPACITY, WORKER_THREADS,
            CheckpointSettings.INTERVAL, CheckpointSettings.MODE, CheckpointSettings.TIMEOUT, CheckpointSettings.MIN_PAUSE,
            CheckpointSettings.MAX_CONCURRENT, CheckpointSettings.TOLERABLE_FAILURES, CheckpointSettings.RETAINED,
            CheckpointSettings.RETENTION, CheckpointSettings.DIRECTORY, CheckpointSettings.RESTORE_PATH,
            CheckpointSettings.ALLOW_NON_RESTORED_STATE, CheckpointSettings.RESTART_STRATEGY, CheckpointSettings.RESTART_ATTEMPTS,
            CheckpointSettings.RESTART_DELAY, CheckpointSettings.RESTART_MAX_DELAY, CheckpointSettings.RESTART_BACKOFF_MULTIPLIER,
            CheckpointSettings.RESTART_FAILURE_RATE_INTERVAL, dev.weir.plan.PipelineExecutor.TARGET);

    static RuntimeSettings from(Map<String, String> settings) {
        for (String key : settings.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new InvalidProgramException("Unknown setting '" + key + "': Weir knows " + new TreeSet<>(KNOWN));
            }
        }
        int capacity = positive(settings, EXCHANGE_CAPACITY, 4096);
        int workers = positive(settings, WORKER_THREADS, Runtime.getRuntime().availableProcessors());
        return new RuntimeSettings(capacity, workers);
    }

    private static int positive(Map<String, String> settings, String key, int defaultValue) {
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
