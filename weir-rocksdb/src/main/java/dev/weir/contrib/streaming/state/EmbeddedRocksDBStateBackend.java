package dev.weir.contrib.streaming.state;

import dev.weir.runtime.state.StateBackend;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps keyed state in an embedded RocksDB on local disk ({@code state.backend.type: rocksdb}), as Flink's backend of
 * this name: state may be far larger than the heap, each access (de)serializes the value, and memory is bounded by
 * one block cache and write buffer budget per process ({@link RocksDBMemoryConfiguration}).
 *
 * <pre>{@code
 * env.setStateBackend(new EmbeddedRocksDBStateBackend());
 * }</pre>
 *
 * <p>Checkpoints are RocksDB's own files, full or incremental (only SST files no earlier checkpoint stored are
 * uploaded), as in Flink. Where Weir differs (for now): savepoints are always in Weir's one canonical format (so a
 * savepoint moves between this backend and {@code HashMapStateBackend}); timers are kept on the heap whatever
 * {@link PriorityQueueStateType} says; state with a time to live expires when read (no compaction-filter cleanup).
 */
public class EmbeddedRocksDBStateBackend implements StateBackend {
    private static final long serialVersionUID = 1L;

    /** Where timers live: Flink's default is {@code ROCKSDB}; Weir keeps them on the heap either way (for now). */
    public enum PriorityQueueStateType {
        HEAP,
        ROCKSDB
    }

    private final boolean incremental;
    private String[] localDirectories;
    private PredefinedOptions predefinedOptions = PredefinedOptions.DEFAULT;
    private PriorityQueueStateType priorityQueueStateType = PriorityQueueStateType.ROCKSDB;
    private final RocksDBMemoryConfiguration memoryConfiguration = new RocksDBMemoryConfiguration();

    /** A backend with full checkpoints. */
    public EmbeddedRocksDBStateBackend() {
        this(false);
    }

    /** A backend with incremental checkpoints when {@code enableIncrementalCheckpointing} ({@code state.backend.incremental}). */
    public EmbeddedRocksDBStateBackend(boolean enableIncrementalCheckpointing) {
        this.incremental = enableIncrementalCheckpointing;
    }

    public boolean isIncrementalCheckpointsEnabled() {
        return incremental;
    }

    /** The directory for RocksDB's working files ({@code state.backend.rocksdb.localdir}); null for the default. */
    public void setDbStoragePath(String path) {
        setDbStoragePaths(path == null ? null : new String[] {path});
    }

    /** Weir uses the first of the given directories. */
    public void setDbStoragePaths(String... paths) {
        if (paths == null || paths.length == 0) {
            localDirectories = null;
            return;
        }
        for (String p : paths) {
            Objects.requireNonNull(p, "a RocksDB storage path is null");
        }
        localDirectories = paths.clone();
    }

    public String[] getDbStoragePaths() {
        return localDirectories == null ? null : localDirectories.clone();
    }

    public void setPredefinedOptions(PredefinedOptions options) {
        predefinedOptions = Objects.requireNonNull(options, "options");
    }

    public PredefinedOptions getPredefinedOptions() {
        return predefinedOptions;
    }

    public void setPriorityQueueStateType(PriorityQueueStateType type) {
        priorityQueueStateType = Objects.requireNonNull(type, "type");
    }

    public PriorityQueueStateType getPriorityQueueStateType() {
        return priorityQueueStateType;
    }

    public RocksDBMemoryConfiguration getMemoryConfiguration() {
        return memoryConfiguration;
    }

    @Override
    public Map<String, String> toSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("state.backend.type", "rocksdb");
        settings.put("state.backend.incremental", Boolean.toString(incremental));
        if (localDirectories != null) {
            settings.put("state.backend.rocksdb.localdir", localDirectories[0]);
        }
        settings.put("state.backend.rocksdb.predefined-options", predefinedOptions.name());
        settings.put("state.backend.rocksdb.timer-service.factory", priorityQueueStateType.name());
        settings.putAll(memoryConfiguration.toSettings());
        return settings;
    }

    @Override
    public String toString() {
        return "EmbeddedRocksDBStateBackend{incremental=" + incremental + ", localDirectories="
                + Arrays.toString(localDirectories) + ", predefinedOptions=" + predefinedOptions + "}";
    }
}
