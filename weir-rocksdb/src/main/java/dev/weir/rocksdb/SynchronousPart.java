package dev.weir.rocksdb;

/**
 * How long one snapshot held up the task thread, in wall and in the thread's CPU time (which a loaded machine distorts
 * far less), and how much of it went to writing the write-back cache's dirty entries; the rest is RocksDB's memtable
 * flush and hard links. Reported in the snapshot's log line, as Flink reports a checkpoint's synchronous duration.
 */
record SynchronousPart(long nanos, long cpuNanos, long cacheNanos, long cacheCpuNanos) {
    @Override
    public String toString() {
        return "synchronous part " + nanos / 1_000_000 + " ms (" + cpuNanos / 1_000_000 + " ms CPU), writing the write-back cache "
                + cacheNanos / 1_000_000 + " ms of it (" + cacheCpuNanos / 1_000_000 + " ms CPU)";
    }
}
