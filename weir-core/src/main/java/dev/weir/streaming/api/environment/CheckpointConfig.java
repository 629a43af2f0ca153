package dev.weir.streaming.api.environment;

import dev.weir.configuration.ExternalizedCheckpointRetention;
import dev.weir.core.execution.CheckpointingMode;
import dev.weir.plan.CheckpointSettings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Checkpoint settings, as in Flink: interval, mode, timeout, minimum pause, concurrency, tolerable failures,
 * retention on cancellation and storage directory. Checkpointing is off until an interval is set.
 */
public final class CheckpointConfig {
    /** The default storage directory, under the working directory. */
    public static final String DEFAULT_DIRECTORY = "weir-checkpoints";

    private long interval = -1;
    private CheckpointingMode mode = CheckpointingMode.EXACTLY_ONCE;
    private long timeout = 10 * 60 * 1000L;
    private long minPause;
    private int maxConcurrent = 1;
    private int tolerableFailures;
    private int retained = 1;
    private ExternalizedCheckpointRetention retention = ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS;
    private String directory = DEFAULT_DIRECTORY;

    public boolean isCheckpointingEnabled() {
        return interval > 0;
    }

    public long getCheckpointInterval() {
        return interval;
    }

    public void setCheckpointInterval(long intervalMillis) {
        if (intervalMillis < 10) {
            throw new IllegalArgumentException("The checkpoint interval must be at least 10 ms, was " + intervalMillis);
        }
        this.interval = intervalMillis;
    }

    /** The mode in Flink 1.x's type, as Flink 1.20 returns it; {@link #getCheckpointingConsistencyMode()} in 2.x's. */
    @Deprecated
    public dev.weir.streaming.api.CheckpointingMode getCheckpointingMode() {
        return dev.weir.streaming.api.CheckpointingMode.convertFromCheckpointingMode(mode);
    }

    public CheckpointingMode getCheckpointingConsistencyMode() {
        return mode;
    }

    public void setCheckpointingMode(CheckpointingMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** Flink 1.x's form of {@link #setCheckpointingMode(CheckpointingMode)}. */
    @Deprecated
    public void setCheckpointingMode(dev.weir.streaming.api.CheckpointingMode mode) {
        setCheckpointingMode(dev.weir.streaming.api.CheckpointingMode.convertToCheckpointingMode(mode));
    }

    /** The 2.x name of {@link #setCheckpointingMode(CheckpointingMode)}. */
    public void setCheckpointingConsistencyMode(CheckpointingMode mode) {
        setCheckpointingMode(mode);
    }

    public long getCheckpointTimeout() {
        return timeout;
    }

    public void setCheckpointTimeout(long timeoutMillis) {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("The checkpoint timeout must be positive, was " + timeoutMillis);
        }
        this.timeout = timeoutMillis;
    }

    public long getMinPauseBetweenCheckpoints() {
        return minPause;
    }

    public void setMinPauseBetweenCheckpoints(long minPauseMillis) {
        if (minPauseMillis < 0) {
            throw new IllegalArgumentException("The minimum pause must not be negative, was " + minPauseMillis);
        }
        this.minPause = minPauseMillis;
    }

    public int getMaxConcurrentCheckpoints() {
        return maxConcurrent;
    }

    public void setMaxConcurrentCheckpoints(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("At least one checkpoint must be allowed at a time, was " + maxConcurrent);
        }
        this.maxConcurrent = maxConcurrent;
    }

    public int getTolerableCheckpointFailureNumber() {
        return tolerableFailures;
    }

    public void setTolerableCheckpointFailureNumber(int tolerableFailures) {
        if (tolerableFailures < 0) {
            throw new IllegalArgumentException("The number of tolerable checkpoint failures must not be negative, was " + tolerableFailures);
        }
        this.tolerableFailures = tolerableFailures;
    }

    /** How many completed checkpoints are kept on disk (Flink's {@code state.checkpoints.num-retained}). */
    public int getNumRetainedCheckpoints() {
        return retained;
    }

    public void setNumRetainedCheckpoints(int retained) {
        if (retained < 1) {
            throw new IllegalArgumentException("At least one checkpoint must be retained, was " + retained);
        }
        this.retained = retained;
    }

    public ExternalizedCheckpointRetention getExternalizedCheckpointRetention() {
        return retention;
    }

    public void setExternalizedCheckpointRetention(ExternalizedCheckpointRetention retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    /** A directory path or {@code file://} URI; each job writes to a folder named after it inside. */
    public void setCheckpointStorage(String directory) {
        Objects.requireNonNull(directory, "directory");
        this.directory = directory.startsWith("file://") ? directory.substring("file://".length()) : directory;
    }

    public String getCheckpointStorage() {
        return directory;
    }

    /** The settings in Flink's configuration keys, as the runtime reads them. */
    public Map<String, String> toSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (!isCheckpointingEnabled()) {
            return settings;
        }
        settings.put(CheckpointSettings.INTERVAL, Long.toString(interval));
        settings.put(CheckpointSettings.MODE, mode.name());
        settings.put(CheckpointSettings.TIMEOUT, Long.toString(timeout));
        settings.put(CheckpointSettings.MIN_PAUSE, Long.toString(minPause));
        settings.put(CheckpointSettings.MAX_CONCURRENT, Integer.toString(maxConcurrent));
        settings.put(CheckpointSettings.TOLERABLE_FAILURES, Integer.toString(tolerableFailures));
        settings.put(CheckpointSettings.RETAINED, Integer.toString(retained));
        settings.put(CheckpointSettings.RETENTION, retention.name());
        settings.put(CheckpointSettings.DIRECTORY, directory);
        return settings;
    }

    /** A duration setter in Flink 2.x style. */
    public void setCheckpointInterval(Duration interval) {
        setCheckpointInterval(interval.toMillis());
    }
}
