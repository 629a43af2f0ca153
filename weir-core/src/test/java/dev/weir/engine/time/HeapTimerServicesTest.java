package dev.weir.engine.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.engine.state.VoidNamespace;
import org.junit.jupiter.api.Test;

/** The timer contract on the heap, and the heap queue's promise to allocate nothing per timer. */
class HeapTimerServicesTest extends TimerServicesContractTest {
    @Override
    protected Fixture create(ProcessingTimeService clock) {
        RecordingKeyContext keys = new RecordingKeyContext();
        return new Fixture(new HeapTimerServices(keys, clock), keys, null);
    }

    @Test
    void registeringDeduplicatingDeletingAndFiringTimersAllocateNothingOnceTheQueueHasGrown() throws Exception {
        RecordingKeyContext keys = new RecordingKeyContext();
        HeapTimerServices timers = new HeapTimerServices(keys, new ManualProcessingTimeService());
        long[] firedCount = new long[1];
        InternalTimerService<VoidNamespace> counting = timers.getTimerService("counting", new Triggerable<VoidNamespace>() {
            @Override
            public void onEventTime(InternalTimer<VoidNamespace> timer) {
                firedCount[0] += timer.getTimestamp();
            }

            @Override
            public void onProcessingTime(InternalTimer<VoidNamespace> timer) {
            }
        });
        int keyCount = 20_000;
        Long[] boxedKeys = new Long[keyCount];
        for (int i = 0; i < keyCount; i++) {
            boxedKeys[i] = (long) i + 1_000_000;
        }
        long watermark = 0;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            // The first round grows the queue's arrays and warms the code up; the later ones must not allocate.
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < keyCount; i++) {
                keys.setCurrentKey(boxedKeys[i]);
                counting.registerEventTimeTimer(VoidNamespace.INSTANCE, watermark + 1 + i % 1000);
                counting.registerEventTimeTimer(VoidNamespace.INSTANCE, watermark + 1 + i % 1000);
                counting.registerEventTimeTimer(VoidNamespace.INSTANCE, watermark + 5000);
                counting.deleteEventTimeTimer(VoidNamespace.INSTANCE, watermark + 5000);
            }
            watermark += 1000;
            timers.advanceWatermark(watermark);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(counting.numEventTimeTimers()).isZero();
            if (round > 0) {
                // 20,000 timers in an object heap with a hash index allocated over 1 MB per round.
                assertThat(allocated).as("bytes allocated in round %d", round).isLessThan(4096);
            }
        }
        assertThat(firedCount[0]).isPositive();
    }
}
