package dev.weir.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two threads, one ring: every record arrives exactly once, in order, with its own value and timestamp. */
class RecordRingConcurrencyTest {

    private static final int RECORDS = 10_000_000;
    private static final int WATERMARK_EVERY = 1_000;
    /** Values cycle through a pool so that the test checks identity without allocating per record. */
    private static final Object[] POOL = new Object[1024];

    static {
        for (int i = 0; i < POOL.length; i++) {
            POOL[i] = "value-" + i;
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void tenMillionRecordsInRandomBatchesArriveInOrderAndComplete() throws Exception {
        RecordRing ring = new RecordRing(256);
        SequenceChecker checker = new SequenceChecker();
        AtomicReference<Throwable> failure = new AtomicReference<>();

        Thread producer = new Thread(() -> {
            SplittableRandom random = new SplittableRandom(7);
            long seq = 0;
            while (seq < RECORDS && failure.get() == null) {
                int batch = 1 + random.nextInt(300);
                for (int i = 0; i < batch && seq < RECORDS; i++) {
                    // The ring is full: publish what it holds and retry the same record until it has room.
                    while (!ring.offer(POOL[(int) (seq & 1023)], seq)) {
                        ring.publish();
                        Thread.yield();
                    }
                    seq++;
                    if (seq % WATERMARK_EVERY == 0) {
                        while (!ring.offerWatermark(seq)) {
                            ring.publish();
                            Thread.yield();
                        }
                    }
                }
                ring.publish();
            }
            while (!ring.offerEndOfInput()) {
                ring.publish();
                Thread.yield();
            }
            ring.publish();
        }, "ring-producer");

        Thread consumer = new Thread(() -> {
            SplittableRandom random = new SplittableRandom(11);
            try {
                while (!checker.ended) {
                    if (ring.drain(checker, 1 + random.nextInt(500)) == 0) {
                        Thread.yield();
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "ring-consumer");

        producer.start();
        consumer.start();
        producer.join();
        consumer.join();

        assertThat(failure.get()).isNull();
        assertThat(checker.nextExpected).isEqualTo(RECORDS);
        assertThat(checker.watermarks).isEqualTo(RECORDS / WATERMARK_EVERY);
        assertThat(ring.size()).isZero();
    }

    /** Fails on the first record out of sequence; counts watermarks and notes the end of input. */
    private static final class SequenceChecker implements RecordHandler {
        long nextExpected;
        long watermarks;
        boolean ended;

        @Override
        public void onRecord(Object value, long timestamp) {
            if (timestamp != nextExpected || value != POOL[(int) (nextExpected & 1023)]) {
                throw new AssertionError("expected record " + nextExpected + " but got " + value + "@" + timestamp);
            }
            nextExpected++;
        }

        @Override
        public boolean onControl(Marker marker, long argument) {
            if (marker == Marker.WATERMARK) {
                if (argument != nextExpected) {
                    throw new AssertionError("watermark " + argument + " arrived after record " + (nextExpected - 1));
                }
                watermarks++;
            } else if (marker == Marker.END_OF_INPUT) {
                ended = true;
            } else {
                throw new AssertionError("unexpected marker " + marker);
            }
            return false;
        }
    }
}
