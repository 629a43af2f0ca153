package dev.weir.rocksdb;

import java.util.HashMap;
import java.util.Map;
import org.rocksdb.LRUCache;
import org.rocksdb.WriteBufferManager;

/**
 * The memory budget every RocksDB instance of this process shares, as Flink's managed memory does per task manager:
 * one block cache of the configured size, and a write buffer manager that charges memtables to that same cache
 * (half of it at most, Flink's write-buffer ratio), so all of a job's keyed operators together stay within the
 * budget however many there are. Reference-counted: freed when the last backend using it closes.
 */
final class SharedRocksDBMemory {
    private static final Map<Long, SharedRocksDBMemory> BY_SIZE = new HashMap<>();

    private final long bytes;
    private final LRUCache cache;
    private final WriteBufferManager writeBuffers;
    private int users;

    private SharedRocksDBMemory(long bytes) {
        this.bytes = bytes;
        this.cache = new LRUCache(bytes, -1, false, 0.1);
        this.writeBuffers = new WriteBufferManager(bytes / 2, cache);
    }

    /** The shared budget of {@code bytes}, created on first use; pair every call with {@link #release()}. */
    static synchronized SharedRocksDBMemory acquire(long bytes) {
        SharedRocksDBMemory memory = BY_SIZE.computeIfAbsent(bytes, SharedRocksDBMemory::new);
        memory.users++;
        return memory;
    }

    void release() {
        synchronized (SharedRocksDBMemory.class) {
            if (--users == 0) {
                BY_SIZE.remove(bytes);
                writeBuffers.close();
                cache.close();
            }
        }
    }

    LRUCache cache() {
        return cache;
    }

    WriteBufferManager writeBuffers() {
        return writeBuffers;
    }
}
