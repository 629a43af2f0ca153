package dev.weir.rocksdb;

import dev.weir.engine.checkpoint.storage.StateFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which stored SST files the next checkpoint of one backend may reference instead of uploading them again: those of
 * the last completed checkpoint (or of the restored one), and those of checkpoints written but not confirmed yet.
 */
final class SharedFileTracker {
    private final boolean incremental;
    /** Makes the names of this backend's files unique among the job's checkpoint files. */
    private final String storedPrefix;
    /** The SST files the last completed checkpoint references, by local name: the next one may reference them again. */
    private volatile Map<String, StateFile> lastCompleted = Map.of();
    /** The SST files each checkpoint written so far references, until it completes or is subsumed (I/O thread writes). */
    private final ConcurrentHashMap<Long, Map<String, StateFile>> written = new ConcurrentHashMap<>();

    SharedFileTracker(boolean incremental, String storedPrefix) {
        this.incremental = incremental;
        this.storedPrefix = storedPrefix;
    }

    /** The snapshot of checkpoint {@code checkpointId} from the RocksDB checkpoint in {@code local}, taken in {@code taken}. */
    RocksDBFileSnapshot snapshot(Path local, long checkpointId, SynchronousPart taken) {
        // Files of a checkpoint written but not confirmed yet may be referenced too: the writer references a shared file
        // only while it is stored whole, and pins it from then on, so an abort or retention cannot delete it underneath.
        Map<String, StateFile> previous = new HashMap<>(lastCompleted);
        new TreeMap<>(written).values().forEach(previous::putAll);
        return new RocksDBFileSnapshot(local, checkpointId, storedPrefix, incremental, previous, written::put, taken);
    }

    void completed(long checkpointId) {
        Map<String, StateFile> files = written.remove(checkpointId);
        if (files != null) {
            lastCompleted = files;
        }
        written.keySet().removeIf(id -> id < checkpointId);
    }

    /** The restored checkpoint's shared files became the working database's: the next checkpoint may reference them. */
    void restored(Map<String, StateFile> sst) {
        lastCompleted = sst;
    }
}
