package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timers beyond the heap: a child JVM with a 64 MB heap holds an event-time timer for each of its keys at once with its
 * timers in RocksDB (the backend's default), and fires them all in order at the end of input. The build runs it with
 * 100,000 keys; the {@code large-state} Maven profile with 1 M, where the same job with its timers on the heap
 * ({@code HEAP}) runs out of memory (that comparison needs the millions, so it runs only there).
 * {@code -Dweir.manyTimers.keys} sets the keys.
 */
class ManyTimersInASmallHeapTest {
    private static final long KEYS = Long.getLong("weir.manyTimers.keys", 100_000);
    /** Enough timers to fill a 64 MB heap when they are on it. */
    private static final long HEAP_OVERFLOWING_KEYS = 1_000_000;
    /** Against a hang only: generous for a loaded 2-core machine. */
    private static final long TIMEOUT_SECONDS = 600;

    @TempDir
    Path dir;

    @Test
    void everyKeysTimerInRocksDBFiresInOrderInA64MbHeap() throws Exception {
        ChildJvm child = ChildJvm.start(dir.resolve("rocksdb.log"), ManyTimersJob.class,
                List.of(Long.toString(KEYS), dir.resolve("local").toString(), "ROCKSDB"));
        assertThat(child.awaitExit(TIMEOUT_SECONDS)).as("exit code; log:%n%s", child.log()).isEqualTo(0);
        assertThat(child.log()).contains("RESULT fired=" + KEYS + " wrong=0");
    }

    @Test
    void millionsOfTimersOnTheHeapRunOutOfMemoryRunsInTheLargeStateProfile() throws Exception {
        Assumptions.assumeTrue(KEYS >= HEAP_OVERFLOWING_KEYS, "runs with -P large-state (millions of keys)");
        ChildJvm child = ChildJvm.start(dir.resolve("heap.log"), ManyTimersJob.class,
                List.of(Long.toString(KEYS), dir.resolve("local").toString(), "HEAP"));
        int exit = child.awaitExit(TIMEOUT_SECONDS);
        assertThat(child.log()).as("exit code %d", exit).contains("OutOfMemoryError").doesNotContain("RESULT");
    }
}
