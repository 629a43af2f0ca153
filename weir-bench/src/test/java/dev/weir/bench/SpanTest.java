package dev.weir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

class SpanTest {
    @Test
    void theCpuInTheSpanCountsWhatThisJvmSpentBetweenTheFirstOpenAndTheLastEnd() {
        Span.trackCpu();
        Span.reset();
        Span.sourceOpened();
        Span.sourceOpened();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long sink = 0;
        // 60 ms of this thread's CPU, however long the machine takes to give it: the process's clock counts in 10 ms ticks.
        while (threads.getCurrentThreadCpuTime() - start < 60_000_000) {
            sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
        }
        Span.sinkFinished();
        Span.sinkFinished();

        assertThat(sink).isNotNegative();
        assertThat(Span.cpuNanos()).isGreaterThanOrEqualTo(40_000_000);
        assertThat(Span.describe(Span.openNanos() - 1_000_000, Span.endNanos() + 2_000_000))
                .startsWith("submit to first open 1.00 ms; opens at +0.00 +")
                .contains(" ms; sink ends at +", " ms; last end to execute() returned 2.00 ms; CPU in the span ");
    }

    @Test
    void aSpanWithoutItsEndHasNoCpu() {
        Span.trackCpu();
        Span.reset();
        Span.sourceOpened();

        assertThat(Span.cpuNanos()).isEqualTo(-1);
    }
}
