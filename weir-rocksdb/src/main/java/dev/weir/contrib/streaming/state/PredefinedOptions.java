package dev.weir.contrib.streaming.state;

/**
 * Flink's profiles of RocksDB options ({@code state.backend.rocksdb.predefined-options}): {@code DEFAULT}, tuned for
 * spinning disks (more background threads, level compaction with dynamic level sizes; the {@code _HIGH_MEM}
 * variant with larger write buffers, files and blocks), or for flash drives (more background threads).
 */
public enum PredefinedOptions {
    DEFAULT,
    SPINNING_DISK_OPTIMIZED,
    SPINNING_DISK_OPTIMIZED_HIGH_MEM,
    FLASH_SSD_OPTIMIZED
}
