package dev.weir.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Buffer debloating: a consumer's input rings are limited to the records it drains in the target time, between the
 * floor and the capacity, from its throughput without the time its input was empty; the producer fills a ring only up
 * to its limit, and nothing is lost or reordered when the limit changes. Times come from a hand-driven clock.
 */
class RingDebloaterTest {

    private static final long MS = 1_000_000;

    /** A clock the test moves by hand. */
    private static final class ManualClock {
        long now;

        long nanos() {
            return now;
        }
    }

    /** Target 1 ms, period 100 ms, one sample (no smoothing), floor 256, the clock read on every call. */
    private static RingDebloater withoutSmoothing(ManualClock clock, RecordRing... rings) {
        return new RingDebloater(rings, MS, 100 * MS, 1, 256, clock::nanos, 1);
    }

    @Test
    void aConsumerDrainingOneMillionRecordsASecondGetsOneMillisecondOfThemSplitOverItsChannels() {
        ManualClock clock = new ManualClock();
        RecordRing a = new RecordRing(4096);
        RecordRing b = new RecordRing(4096);
        RingDebloater debloater = withoutSmoothing(clock, a, b);

        for (int call = 1; call <= 100; call++) {
            clock.now = call * MS;
            debloater.afterDrain(1_000);
        }

        // 100,000 records in 100 ms: 1,000 in the 1 ms target, 500 per channel.
        assertThat(a.capacityLimit()).isEqualTo(500);
        assertThat(b.capacityLimit()).isEqualTo(500);
    }

    @Test
    void aBusyTaskReadsTheClockEveryEighthDrainingCallAndEndsThePeriodAtThatReading() {
        ManualClock clock = new ManualClock();
        long[] reads = new long[1];
        RecordRing ring = new RecordRing(4096);
        RingDebloater debloater = new RingDebloater(new RecordRing[] {ring}, MS, 100 * MS, 1, 256, () -> {
            reads[0]++;
            return clock.now;
        });

        for (int call = 1; call <= 100; call++) {
            clock.now = call * MS;
            debloater.beforeDrain();
            debloater.afterDrain(1_000);
        }
        // Read at construction and at calls 8, 16, ..., 96: the period has not ended at 96 ms.
        assertThat(reads[0]).isEqualTo(13);
        assertThat(ring.capacityLimit()).isEqualTo(4096);
        for (int call = 101; call <= 104; call++) {
            clock.now = call * MS;
            debloater.afterDrain(1_000);
        }

        // Call 104 reads 104 ms: 104,000 records in 104 ms, 1,000 in the target.
        assertThat(reads[0]).isEqualTo(14);
        assertThat(ring.capacityLimit()).isEqualTo(1_000);
    }

    @Test
    void limitsStayAtFullCapacityUntilTheFirstPeriodEnds() {
        ManualClock clock = new ManualClock();
        RecordRing ring = new RecordRing(4096);
        RingDebloater debloater = withoutSmoothing(clock, ring);

        clock.now = 99 * MS;
        debloater.afterDrain(10);

        assertThat(ring.capacityLimit()).isEqualTo(4096);
    }

    @Test
    void aSlowConsumerGetsTheFloorAndAFastOneTheCapacity() {
        ManualClock clock = new ManualClock();
        RecordRing slow = new RecordRing(4096);
        RecordRing fast = new RecordRing(4096);
        RingDebloater slowDebloater = withoutSmoothing(clock, slow);
        RingDebloater fastDebloater = withoutSmoothing(clock, fast);

        clock.now = 100 * MS;
        // 10,000 records in 100 ms (100 a millisecond, a RocksDB read-modify-write each under load): under the floor.
        slowDebloater.afterDrain(10_000);
        // 2,000,000 records in 100 ms: 20,000 a millisecond, more than the ring holds.
        fastDebloater.afterDrain(2_000_000);

        assertThat(slow.capacityLimit()).isEqualTo(256);
        assertThat(fast.capacityLimit()).isEqualTo(4096);
    }

    @Test
    void timeWithAnEmptyInputDoesNotCountAsSlowness() {
        ManualClock clock = new ManualClock();
        RecordRing ring = new RecordRing(4096);
        RingDebloater debloater = withoutSmoothing(clock, ring);

        clock.now = 20 * MS;
        debloater.afterDrain(20_000);
        clock.now = 30 * MS;
        debloater.beforeDrain();
        debloater.afterDrain(0);
        clock.now = 60 * MS;
        debloater.beforeDrain();
        debloater.afterDrain(0);
        clock.now = 90 * MS;
        debloater.beforeDrain();
        // Idle from 30 to 90 ms: 40,000 records in 40 busy milliseconds, 1,000 in the target.
        debloater.afterDrain(10_000);
        clock.now = 100 * MS;
        debloater.afterDrain(10_000);

        assertThat(ring.capacityLimit()).isEqualTo(1_000);
    }

    @Test
    void theCallThatEndsAnIdleSpellCountsAsBusy() {
        ManualClock clock = new ManualClock();
        RecordRing ring = new RecordRing(4096);
        RingDebloater debloater = withoutSmoothing(clock, ring);

        debloater.beforeDrain();
        debloater.afterDrain(0);
        clock.now = 50 * MS;
        debloater.beforeDrain();
        clock.now = 100 * MS;
        // Idle for 50 ms, then 50 ms draining 50,000 records: 1,000 a millisecond.
        debloater.afterDrain(50_000);

        assertThat(ring.capacityLimit()).isEqualTo(1_000);
    }

    @Test
    void theLimitFollowsTheThroughputAsAMovingAverageOverTheSamples() {
        ManualClock clock = new ManualClock();
        RecordRing ring = new RecordRing(4096);
        // Three samples: alpha 2 / (3 + 1) = 0.5.
        RingDebloater debloater = new RingDebloater(new RecordRing[] {ring}, MS, 100 * MS, 3, 256, clock::nanos, 1);

        clock.now = 100 * MS;
        debloater.afterDrain(100_000);
        // desired 1,000: 4,096 + 0.5 * (1,000 - 4,096) = 2,548
        assertThat(ring.capacityLimit()).isEqualTo(2_548);
        clock.now = 200 * MS;
        debloater.afterDrain(100_000);
        // 2,548 + 0.5 * (1,000 - 2,548) = 1,774
        assertThat(ring.capacityLimit()).isEqualTo(1_774);
        clock.now = 300 * MS;
        debloater.afterDrain(300_000);
        // desired 3,000: 1,774 + 0.5 * (3,000 - 1,774) = 2,387
        assertThat(ring.capacityLimit()).isEqualTo(2_387);
        assertThat(debloater.desiredLimit()).isEqualTo(2_387);
    }

    @Test
    void aRingSmallerThanTheFloorKeepsItsCapacity() {
        ManualClock clock = new ManualClock();
        RecordRing ring = new RecordRing(64);
        RingDebloater debloater = withoutSmoothing(clock, ring);

        clock.now = 100 * MS;
        debloater.afterDrain(1);

        assertThat(ring.capacityLimit()).isEqualTo(64);
    }

    @Test
    void theProducerFillsTheRingOnlyUpToTheLimitOnceItSawIt() {
        RecordRing ring = new RecordRing(16);
        RecordingHandler handler = new RecordingHandler();
        for (int i = 0; i < 16; i++) {
            assertThat(ring.offer("r" + i, i)).isTrue();
        }
        ring.publish();
        assertThat(ring.drain(handler, 100)).isEqualTo(16);

        ring.limitCapacity(4);
        int accepted = 0;
        while (ring.offer("s" + accepted, accepted)) {
            accepted++;
        }
        ring.publish();

        assertThat(accepted).isEqualTo(4);
        assertThat(ring.remainingCapacity()).isZero();
        assertThat(ring.drain(handler, 100)).isEqualTo(4);
        assertThat(ring.remainingCapacity()).isEqualTo(4);
        ring.limitCapacity(100);
        assertThat(ring.capacityLimit()).isEqualTo(16);
        assertThat(ring.remainingCapacity()).isEqualTo(16);
    }

    @Test
    void aLimitBelowWhatTheRingHoldsKeepsTheItemsAndTakesNoMoreUntilTheyAreDrained() {
        RecordRing ring = new RecordRing(8);
        for (int i = 0; i < 8; i++) {
            ring.offer("r" + i, i);
        }
        ring.publish();
        ring.limitCapacity(2);
        RecordingHandler handler = new RecordingHandler();

        assertThat(ring.offer("late", 8)).isFalse();
        ring.drain(handler, 7);
        assertThat(ring.offer("late", 8)).isTrue();
        assertThat(ring.offer("later", 9)).isFalse();
        ring.publish();
        ring.drain(handler, 10);

        assertThat(handler.items).containsExactly("r0@0", "r1@1", "r2@2", "r3@3", "r4@4", "r5@5", "r6@6", "r7@7",
                "late@8");
    }

    @Test
    void invalidSettingsAreRefused() {
        RecordRing[] rings = {new RecordRing(16)};
        assertThatThrownBy(() -> new RingDebloater(rings, 0, MS, 1, 1, System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive target");
        assertThatThrownBy(() -> new RingDebloater(rings, MS, MS, 0, 1, System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void recordsAreNeitherLostNorReorderedWhileTheConsumerChangesTheLimit() throws Exception {
        final int records = 2_000_000;
        RecordRing ring = new RecordRing(1024);
        OutboundChannel channel = new OutboundChannel(ring);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] next = new long[1];
        boolean[] ended = new boolean[1];
        RecordHandler checker = new RecordHandler() {
            @Override
            public void onRecord(Object value, long timestamp) {
                if (timestamp != next[0]) {
                    throw new AssertionError("expected record " + next[0] + " but got " + timestamp);
                }
                next[0]++;
            }

            @Override
            public boolean onControl(Marker marker, long argument) {
                ended[0] |= marker == Marker.END_OF_INPUT;
                return false;
            }
        };

        Thread producer = new Thread(() -> {
            SplittableRandom random = new SplittableRandom(3);
            long seq = 0;
            while (seq < records && failure.get() == null) {
                // One "call": a batch, then stop while the channel has a backlog, as a task does.
                int batch = 1 + random.nextInt(200);
                for (int i = 0; i < batch && seq < records; i++) {
                    channel.emit("v", seq++);
                }
                while (!channel.flush() && failure.get() == null) {
                    Thread.yield();
                }
            }
            channel.emitEndOfInput();
            while (!channel.flush()) {
                Thread.yield();
            }
        }, "debloat-producer");
        Thread consumer = new Thread(() -> {
            SplittableRandom random = new SplittableRandom(5);
            try {
                int calls = 0;
                while (!ended[0]) {
                    if (++calls % 50 == 0) {
                        ring.limitCapacity(1 + random.nextInt(1024));
                    }
                    if (ring.drain(checker, 1 + random.nextInt(300)) == 0) {
                        Thread.yield();
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "debloat-consumer");

        producer.start();
        consumer.start();
        producer.join();
        consumer.join();

        assertThat(failure.get()).isNull();
        assertThat(next[0]).isEqualTo(records);
        assertThat(ring.size()).isZero();
    }
}
