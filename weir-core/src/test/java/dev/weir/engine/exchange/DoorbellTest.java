package dev.weir.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A ring wakes the worker parked behind it: its producer's publish of a full ring (or of an end of input) rings the
 * consumer's doorbell, its consumer's drain of a full ring rings the producer's. Every park here is untimed, so a lost
 * wake-up hangs the test (the timeouts are only against that hang).
 */
class DoorbellTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aConsumerParkedAtItsDoorbellWakesWhenTheProducerPublishesAFullRing() throws Exception {
        RecordRing ring = new RecordRing(2);
        ParkedConsumer consumer = parkedConsumer(ring);

        ring.offer("a", 1);
        ring.offer("b", 2);
        ring.publish();
        consumer.thread.join();

        assertThat(consumer.handler.items).containsExactly("a@1", "b@2");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aConsumerParkedAtItsDoorbellWakesWhenTheProducerPublishesItsEndOfInput() throws Exception {
        RecordRing ring = new RecordRing(8);
        ParkedConsumer consumer = parkedConsumer(ring);

        ring.offer("a", 1);
        ring.offerEndOfInput();
        ring.publish();
        consumer.thread.join();

        assertThat(consumer.handler.items).containsExactly("a@1", "END_OF_INPUT:" + Marker.NO_ARGUMENT);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aProducerParkedAtItsDoorbellWakesWhenTheConsumerFreesRoom() throws Exception {
        RecordRing ring = new RecordRing(2);
        Doorbell producerBell = new Doorbell();
        ring.wakeProducerThrough(producerBell);
        ring.offer("a", 1);
        ring.offer("b", 2);
        ring.publish();
        Thread producer = new Thread(() -> {
            parkWhile(producerBell, () -> ring.remainingCapacity() == 0);
            ring.offer("c", 3);
            ring.publish();
        }, "producer");
        producer.start();
        awaitParked(producer);

        RecordingHandler handler = new RecordingHandler();
        ring.drain(handler, 1);
        producer.join();
        ring.drain(handler, 8);

        assertThat(handler.items).containsExactly("a@1", "b@2", "c@3");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoThreadsThatParkWheneverTheyWaitOnATinyRingLoseNoWakeUpAndNoRecord() throws Exception {
        // The consumer drains a ring with room to spare, so each of its drains sees whether the ring was full; the
        // producer parks only on a full ring, and the consumer only while the producer still fills it.
        final int records = 200_000;
        RecordRing ring = new RecordRing(16);
        Doorbell producerBell = new Doorbell();
        Doorbell consumerBell = new Doorbell();
        ring.wakeProducerThrough(producerBell);
        ring.wakeConsumerThrough(consumerBell);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            SplittableRandom random = new SplittableRandom(3);
            int next = 0;
            while (next < records) {
                int batch = 1 + random.nextInt(24);
                for (int i = 0; i < batch && next < records; i++) {
                    while (!ring.offer(Integer.valueOf(next), next)) {
                        ring.publish();
                        parkWhile(producerBell, () -> ring.remainingCapacity() == 0);
                    }
                    next++;
                }
                ring.publish();
            }
            while (!ring.offerEndOfInput()) {
                ring.publish();
                parkWhile(producerBell, () -> ring.remainingCapacity() == 0);
            }
            ring.publish();
        }, "producer");
        CountingHandler counted = new CountingHandler();
        Thread consumer = new Thread(() -> {
            SplittableRandom random = new SplittableRandom(5);
            try {
                while (!counted.ended) {
                    if (ring.drain(counted, 17 + random.nextInt(12)) == 0) {
                        parkWhile(consumerBell, ring::isEmpty);
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "consumer");
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();

        assertThat(failure.get()).isNull();
        assertThat(counted.next).isEqualTo(records);
    }

    /** A consumer thread and what it drained. */
    private record ParkedConsumer(Thread thread, RecordingHandler handler) {
    }

    /**
     * Starts a consumer of {@code ring} that parks at the ring's consumer doorbell until the ring has items, then drains
     * them; returns once it is parked.
     */
    private static ParkedConsumer parkedConsumer(RecordRing ring) throws InterruptedException {
        Doorbell bell = new Doorbell();
        ring.wakeConsumerThrough(bell);
        RecordingHandler handler = new RecordingHandler();
        Thread consumer = new Thread(() -> {
            parkWhile(bell, ring::isEmpty);
            ring.drain(handler, 64);
        }, "consumer");
        consumer.start();
        awaitParked(consumer);
        return new ParkedConsumer(consumer, handler);
    }

    /** As a worker waits: announces itself at {@code bell}, then parks (untimed) as long as {@code blocked} holds. */
    private static void parkWhile(Doorbell bell, BooleanSupplier blocked) {
        bell.announce();
        while (blocked.getAsBoolean()) {
            LockSupport.park();
        }
        bell.clear();
    }

    /** Waits until {@code thread} is parked (or done), so that what the test does next happens while it waits. */
    private static void awaitParked(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TERMINATED) {
            Thread.sleep(1);
        }
    }

    /** Checks that the records arrive as 0, 1, 2, ... and notes the end of input. */
    private static final class CountingHandler implements RecordHandler {
        int next;
        boolean ended;

        @Override
        public void onRecord(Object value, long timestamp) {
            if (!(value instanceof Integer number) || number != next || timestamp != next) {
                throw new AssertionError("expected record " + next + ", got " + value + "@" + timestamp);
            }
            next++;
        }

        @Override
        public void onKeyedRecord(Object value, long timestamp, Object key, int keyGroup) {
            throw new AssertionError("this ring carries no keys");
        }

        @Override
        public boolean onControl(Marker marker, long argument) {
            ended = marker == Marker.END_OF_INPUT;
            return false;
        }
    }
}
