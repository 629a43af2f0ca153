package dev.weir.engine.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskMetricsTest {
    @Test
    void recordsInCountsDrainedItemsLessMarkersAndIsPublishedOnlyAtTheEndOfACall() {
        TaskMetrics m = new TaskMetrics();
        m.inputs(new int[] {0, 0}, new int[] {0, 1});
        m.marker();
        m.marker();
        m.drained(0, 10);
        m.drained(1, 5);
        assertThat(m.recordsIn()).isZero();
        m.endCall(false);
        assertThat(m.recordsIn()).isEqualTo(13);
        assertThat(m.channels().records().get(0)).isEqualTo(8);
        assertThat(m.channels().records().get(1)).isEqualTo(5);
    }

    @Test
    void backpressuredTimeGrowsOnlyWhileOutputsAreFull() {
        TaskMetrics m = new TaskMetrics();
        m.endCall(false);
        assertThat(m.backpressuredNanos(System.nanoTime())).isZero();
        m.endCall(true);
        long since = System.nanoTime();
        assertThat(m.backpressuredNanos(since + 1_000_000)).isGreaterThanOrEqualTo(1_000_000);
        m.endCall(false);
        long total = m.backpressuredNanos(System.nanoTime());
        assertThat(m.backpressuredNanos(System.nanoTime() + 5_000_000_000L)).isEqualTo(total);
    }

    @Test
    void aNewAttemptKeepsChannelCountsButResetsWatermarkAndFinished() {
        TaskMetrics m = new TaskMetrics();
        m.inputs(new int[] {0}, new int[] {0});
        m.drained(0, 4);
        m.watermark(100);
        m.finished();
        assertThat(m.isFinished()).isTrue();
        assertThat(m.watermark()).isEqualTo(100);
        m.inputs(new int[] {0}, new int[] {0});
        assertThat(m.isFinished()).isFalse();
        assertThat(m.watermark()).isEqualTo(Long.MIN_VALUE);
        assertThat(m.channels().records().get(0)).isEqualTo(4);
        assertThat(m.recordsIn()).isEqualTo(4);
    }

    @Test
    void sourcesCountRecordsReadAndPublishTheirWatermark() {
        TaskMetrics m = new TaskMetrics();
        m.read(64);
        m.read(3);
        m.watermark(42);
        m.endCall(false);
        assertThat(m.recordsIn()).isEqualTo(67);
        assertThat(m.watermark()).isEqualTo(42);
    }
}
