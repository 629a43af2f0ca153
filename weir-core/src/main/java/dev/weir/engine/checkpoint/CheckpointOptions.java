package dev.weir.engine.checkpoint;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.plan.CheckpointSettings;
import dev.weir.core.execution.CheckpointingMode;
import dev.weir.configuration.ExternalizedCheckpointRetention;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checkpoint settings of a job, read from its configuration (Flink's keys). {@code directory} is a folder or an
 * object store location ({@code s3://bucket/path}); {@code storageSettings} are the {@code s3.*} options the store reads
 * and the inline threshold of its {@code _metadata}.
 */
public record CheckpointOptions(boolean enabled, long interval, CheckpointingMode mode, long timeout, long minPause,
                                int maxConcurrent, int tolerableFailures, int retained, ExternalizedCheckpointRetention retention,
                                String directory, String restorePath, boolean allowNonRestoredState,
                                Map<String, String> storageSettings) {
    /** The prefix of the object store options passed to the checkpoint storage (Flink's {@code s3.endpoint}, ...). */
    public static final String STORAGE_PREFIX = "s3.";

    public static CheckpointOptions from(Map<String, String> settings) {
        String interval = settings.get(CheckpointSettings.INTERVAL);
        boolean enabled = interval != null;
        return new CheckpointOptions(enabled,
                enabled ? parseLong(settings, CheckpointSettings.INTERVAL, 0) : -1,
                CheckpointingMode.valueOf(settings.getOrDefault(CheckpointSettings.MODE, CheckpointingMode.EXACTLY_ONCE.name())),
                parseLong(settings, CheckpointSettings.TIMEOUT, 600_000),
                parseLong(settings, CheckpointSettings.MIN_PAUSE, 0),
                (int) parseLong(settings, CheckpointSettings.MAX_CONCURRENT, 1),
                (int) parseLong(settings, CheckpointSettings.TOLERABLE_FAILURES, 0),
                (int) parseLong(settings, CheckpointSettings.RETAINED, 1),
                ExternalizedCheckpointRetention.valueOf(settings.getOrDefault(CheckpointSettings.RETENTION,
                        ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS.name())),
                settings.getOrDefault(CheckpointSettings.DIRECTORY, "weir-checkpoints"),
                settings.get(CheckpointSettings.RESTORE_PATH),
                Boolean.parseBoolean(settings.getOrDefault(CheckpointSettings.ALLOW_NON_RESTORED_STATE, "false")),
                storageSettings(settings));
    }

    private static Map<String, String> storageSettings(Map<String, String> settings) {
        Map<String, String> storage = new TreeMap<>();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            if (setting.getKey().startsWith(STORAGE_PREFIX)
                    || setting.getKey().equals(dev.weir.engine.checkpoint.storage.CheckpointStorage.INLINE_THRESHOLD)) {
                storage.put(setting.getKey(), setting.getValue());
            }
        }
        return Map.copyOf(storage);
    }

    static long parseLong(Map<String, String> settings, String key, long defaultValue) {
        String value = settings.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidProgramException("Setting '" + key + "' must be a whole number (milliseconds or a count), was '" + value + "'");
        }
    }
}
