package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Window state beyond the heap: a child JVM with a 64 MB heap runs a tumbling-window aggregate over 20,000 keys whose
 * accumulators are 8 KB each (160 MB of slices, 2.5x the heap) on RocksDB, where the slicing operator's slices live,
 * and every key's window result is exact; the same job on the heap backend runs out of memory. The {@code large-state}
 * Maven profile runs 200,000 keys (1.6 GB, 25x the heap). {@code -Dweir.largeWindow.keys} sets the keys.
 */
class WindowLargerThanHeapTest {
    private static final long KEYS = Long.getLong("weir.largeWindow.keys", 20_000);
    private static final int ACCUMULATOR_LONGS = 1024;
    /** Against a hang only: generous for a loaded 2-core machine. */
    private static final long TIMEOUT_SECONDS = Math.max(600, KEYS / 500);

    @TempDir
    Path dir;

    @Test
    void aWindowWhosePartialAggregatesExceedTheHeapRunsOnRocksDBWithEveryResultExact() throws Exception {
        ChildJvm child = ChildJvm.start(dir.resolve("rocksdb.log"), LargeWindowJob.class,
                List.of(Long.toString(KEYS), Integer.toString(ACCUMULATOR_LONGS), dir.resolve("local").toString(), "rocksdb"));
        assertThat(child.awaitExit(TIMEOUT_SECONDS)).as("exit code; log:%n%s", child.log()).isEqualTo(0);
        assertThat(child.log()).contains("RESULT windows=" + KEYS + " wrong=0");
    }

    @Test
    void theSameWindowOnTheHeapBackendRunsOutOfMemory() throws Exception {
        ChildJvm child = ChildJvm.start(dir.resolve("heap.log"), LargeWindowJob.class,
                List.of(Long.toString(KEYS), Integer.toString(ACCUMULATOR_LONGS), dir.resolve("local").toString(), "hashmap"));
        int exit = child.awaitExit(TIMEOUT_SECONDS);
        assertThat(child.log()).as("exit code %d", exit).contains("OutOfMemoryError").doesNotContain("RESULT");
    }
}
