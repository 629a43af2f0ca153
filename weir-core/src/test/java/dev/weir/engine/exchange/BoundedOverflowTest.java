package dev.weir.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.checkpoint.ChildJob;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An operator that emits far more than it receives, within one call, waits for its consumer instead of growing its
 * channel's overflow without bound: 30 million records from one input record over an exchange, in a JVM with a
 * 256 MB heap (the overflow alone would need about 1 GB), whether the consumer shares the producer's worker thread
 * or has its own.
 */
@Timeout(300)
class BoundedOverflowTest {
    private static final long RECORDS = 30_000_000L;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "with {0} worker thread(s)")
    @ValueSource(ints = {1, 2})
    void aFlatMapEmittingThirtyMillionRecordsForOneCompletesWithTheExactOutputInA256MbHeap(int workers) throws Exception {
        Path log = dir.resolve("child.log");
        ChildJob child = ChildJob.start(BulkEmitJob.class, log, List.of(Long.toString(RECORDS), Integer.toString(workers)));

        int exit = child.awaitExit(280);

        assertThat(child.log()).doesNotContain("OutOfMemoryError").contains("count=" + RECORDS + " sum=" + RECORDS * (RECORDS - 1) / 2);
        assertThat(exit).isZero();
    }
}
