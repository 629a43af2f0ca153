package dev.weir.rocksdb;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The RocksDB backend's options, read from the job's configuration under Flink's keys and checked before the job
 * starts: every bad key or value is refused with its name, its value and what to write instead.
 *
 * @param localDir        {@code state.backend.rocksdb.localdir}: where the working databases live (default: the
 *                        JVM's temporary directory)
 * @param incremental     {@code execution.checkpointing.incremental} (Flink 1.x: {@code state.backend.incremental}):
 *                        checkpoints upload only the SST files earlier ones do not hold
 * @param heapTimers      {@code state.backend.rocksdb.timer-service.factory}: {@code HEAP} or {@code ROCKSDB}
 * @param predefined      {@code state.backend.rocksdb.predefined-options}
 * @param managedMemory   {@code state.backend.rocksdb.memory.managed}: share one block cache and write buffer budget
 * @param fixedPerSlot    {@code state.backend.rocksdb.memory.fixed-per-slot} in bytes, or -1 when unset
 * @param partitionedIndexFilters {@code state.backend.rocksdb.memory.partitioned-index-filters}: with a shared budget,
 *                        index and filter blocks in small partitions, so a point lookup loads a few KB of them into
 *                        the cache instead of a whole SST file's (default true, where Flink's is false: Weir's budget
 *                        defaults to 128 MB, whose high-priority tenth cannot hold the index and filters of GBs of state,
 *                        and LargerThanHeapTest's read-back of 20 M keys otherwise reloaded them for most lookups)
 * @param writeBackCache  {@code state.backend.rocksdb.write-back-cache.size} (Weir only) in bytes: what the caches of
 *                        recently used values in front of RocksDB may hold together in this process; 0 turns them off
 */
record RocksDBSettings(Path localDir, boolean incremental, boolean heapTimers, String predefined, boolean managedMemory,
                       long fixedPerSlot, boolean partitionedIndexFilters, long writeBackCache) {
    static final String TYPE = "state.backend.type";
    static final String INCREMENTAL = "state.backend.incremental";
    static final String INCREMENTAL_2X = "execution.checkpointing.incremental";
    static final String LOCAL_DIR = "state.backend.rocksdb.localdir";
    static final String TIMER_SERVICE = "state.backend.rocksdb.timer-service.factory";
    static final String PREDEFINED = "state.backend.rocksdb.predefined-options";
    static final String MANAGED = "state.backend.rocksdb.memory.managed";
    static final String FIXED_PER_SLOT = "state.backend.rocksdb.memory.fixed-per-slot";
    static final String PARTITIONED_INDEX_FILTERS = "state.backend.rocksdb.memory.partitioned-index-filters";
    static final String WRITE_BACK_CACHE = "state.backend.rocksdb.write-back-cache.size";
    static final Set<String> KNOWN = Set.of(TYPE, INCREMENTAL, LOCAL_DIR, TIMER_SERVICE, PREDEFINED, MANAGED, FIXED_PER_SLOT,
            PARTITIONED_INDEX_FILTERS, WRITE_BACK_CACHE);
    static final Set<String> PREDEFINED_VALUES = Set.of("DEFAULT", "SPINNING_DISK_OPTIMIZED",
            "SPINNING_DISK_OPTIMIZED_HIGH_MEM", "FLASH_SSD_OPTIMIZED");

    /** The memory all of a process's RocksDB instances share when neither option sizes it: Flink's managed default. */
    static final long DEFAULT_SHARED_MEMORY = 128L << 20;

    static RocksDBSettings from(Map<String, String> settings) {
        for (String key : settings.keySet()) {
            if (key.startsWith("state.backend.") && !KNOWN.contains(key)) {
                throw new IllegalArgumentException("Unknown state backend option '" + key + "': the RocksDB backend knows "
                        + new TreeSet<>(KNOWN));
            }
        }
        String dir = settings.get(LOCAL_DIR);
        Path localDir = dir == null || dir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(dir.trim());
        // Flink 2.x's key wins over the 1.x one it deprecates.
        boolean incremental = settings.containsKey(INCREMENTAL_2X) ? bool(settings, INCREMENTAL_2X, false) : bool(settings, INCREMENTAL, false);
        String timers = settings.getOrDefault(TIMER_SERVICE, "ROCKSDB").trim().toUpperCase(Locale.ROOT);
        if (!timers.equals("HEAP") && !timers.equals("ROCKSDB")) {
            throw new IllegalArgumentException(TIMER_SERVICE + " must be HEAP or ROCKSDB, was '" + settings.get(TIMER_SERVICE) + "'");
        }
        String predefined = settings.getOrDefault(PREDEFINED, "DEFAULT").trim().toUpperCase(Locale.ROOT);
        if (!PREDEFINED_VALUES.contains(predefined)) {
            throw new IllegalArgumentException(PREDEFINED + " must be one of " + new TreeSet<>(PREDEFINED_VALUES) + ", was '"
                    + settings.get(PREDEFINED) + "'");
        }
        boolean managed = bool(settings, MANAGED, true);
        long fixed = settings.containsKey(FIXED_PER_SLOT) ? memorySize(FIXED_PER_SLOT, settings.get(FIXED_PER_SLOT)) : -1;
        String cache = settings.get(WRITE_BACK_CACHE);
        long writeBackCache = cache == null ? defaultWriteBackCache() : cache.trim().equals("0") ? 0 : memorySize(WRITE_BACK_CACHE, cache);
        boolean partitioned = bool(settings, PARTITIONED_INDEX_FILTERS, true);
        return new RocksDBSettings(localDir, incremental, timers.equals("HEAP"), predefined, managed, fixed, partitioned, writeBackCache);
    }

    /**
     * An eighth of the heap: enough to hold the hot keys of typical jobs, and little beside the rest of the heap a
     * job whose state is larger than memory needs for its records and RocksDB's own buffers live off the heap.
     */
    static long defaultWriteBackCache() {
        return Runtime.getRuntime().maxMemory() / 8;
    }

    /** The bytes the shared block cache and write buffers may use together: fixed-per-slot when set, else the default. */
    long sharedMemoryBytes() {
        return fixedPerSlot > 0 ? fixedPerSlot : DEFAULT_SHARED_MEMORY;
    }

    private static boolean bool(Map<String, String> settings, String key, boolean defaultValue) {
        String value = settings.get(key);
        if (value == null) {
            return defaultValue;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return v.equals("true");
        }
        throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
    }

    /** Flink's memory sizes: a number of bytes with an optional unit b, kb, mb, gb, tb (also k, m, g, t). */
    static long memorySize(String key, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        int split = 0;
        while (split < v.length() && Character.isDigit(v.charAt(split))) {
            split++;
        }
        long shift;
        switch (v.substring(split)) {
            case "", "b", "bytes" -> shift = 0;
            case "k", "kb", "kibibytes" -> shift = 10;
            case "m", "mb", "mebibytes" -> shift = 20;
            case "g", "gb", "gibibytes" -> shift = 30;
            case "t", "tb", "tebibytes" -> shift = 40;
            default -> shift = -1;
        }
        if (split == 0 || shift < 0) {
            throw new IllegalArgumentException(key + " must be a memory size such as '256mb' or '1gb', was '" + value + "'");
        }
        long n = Long.parseLong(v.substring(0, split));
        if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException(key + " must be a positive memory size such as '256mb', was '" + value + "'");
        }
        return n << shift;
    }
}
