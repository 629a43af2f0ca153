package dev.weir.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class OutboundChannelTest {

    private final RecordingHandler handler = new RecordingHandler();

    @Test
    void emittedRecordsBecomeVisibleDownstreamOnFlush() {
        RecordRing ring = new RecordRing(4);
        OutboundChannel channel = new OutboundChannel(ring);
        channel.emit("a", 1);
        channel.emit("b", 2);

        assertThat(ring.size()).isZero();
        assertThat(channel.flush()).isTrue();

        ring.drain(handler, 10);
        assertThat(handler.items).containsExactly("a@1", "b@2");
    }

    @Test
    void recordsEmittedWhileTheRingIsFullWaitInTheOverflowUntilAFlushFindsRoom() {
        RecordRing ring = new RecordRing(2);
        OutboundChannel channel = new OutboundChannel(ring);
        channel.emit("a", 1);
        channel.emit("b", 2);
        channel.emit("c", 3);
        channel.emit("d", 4);

        assertThat(channel.hasBacklog()).isTrue();
        assertThat(channel.backlogSize()).isEqualTo(2);
        assertThat(channel.flush()).isFalse();

        ring.drain(handler, 1);
        assertThat(channel.flush()).isFalse();
        assertThat(channel.backlogSize()).isEqualTo(1);

        ring.drain(handler, 10);
        assertThat(channel.flush()).isTrue();
        assertThat(channel.hasBacklog()).isFalse();

        ring.drain(handler, 10);
        assertThat(handler.items).containsExactly("a@1", "b@2", "c@3", "d@4");
    }

    @Test
    void theRingFillingUpPublishesWhatItHoldsWithoutWaitingForFlush() {
        RecordRing ring = new RecordRing(2);
        OutboundChannel channel = new OutboundChannel(ring);
        channel.emit("a", 1);
        channel.emit("b", 2);
        assertThat(ring.size()).isZero();

        channel.emit("c", 3);

        assertThat(ring.size()).isEqualTo(2);
    }

    @Test
    void laterRecordsQueueBehindTheOverflowEvenWhenTheRingHasRoomAgain() {
        RecordRing ring = new RecordRing(2);
        OutboundChannel channel = new OutboundChannel(ring);
        channel.emit("a", 1);
        channel.emit("b", 2);
        channel.emit("c", 3);
        ring.drain(handler, 10);

        channel.emit("d", 4);

        assertThat(channel.backlogSize()).isEqualTo(2);
        channel.flush();
        ring.drain(handler, 10);
        assertThat(handler.items).containsExactly("a@1", "b@2", "c@3", "d@4");
    }

    @Test
    void controlItemsTakeTheSamePathAndKeepTheirPlaceBehindOverflowedRecords() {
        RecordRing ring = new RecordRing(1);
        OutboundChannel channel = new OutboundChannel(ring);
        channel.emit("a", 1);
        channel.emit("b", 2);
        channel.emitWatermark(2);
        channel.emitIdleness(true);
        channel.emitIdleness(false);
        channel.emitBarrier(17);
        channel.emit("c", 3);
        channel.emitEndOfInput();

        while (channel.hasBacklog() || !ring.isEmpty()) {
            channel.flush();
            ring.drain(handler, 10);
        }

        long none = Marker.NO_ARGUMENT;
        assertThat(handler.items).containsExactly("a@1", "b@2", "WATERMARK:2", "IDLE:" + none, "ACTIVE:" + none,
                "BARRIER:17", "c@3", "END_OF_INPUT:" + none);
    }

    @Test
    void theOverflowGrowsPastItsInitialSizeAndKeepsOrderWhileDrainedInBetween() {
        RecordRing ring = new RecordRing(4);
        OutboundChannel channel = new OutboundChannel(ring);
        List<String> expected = new ArrayList<>();
        int next = 0;
        for (int burst = 0; burst < 20; burst++) {
            // A flatMap emitting a burst per input, interleaved with partial drains downstream.
            for (int i = 0; i < 37; i++, next++) {
                channel.emit(next, next);
                expected.add(next + "@" + next);
            }
            channel.flush();
            ring.drain(handler, 3);
        }
        while (channel.hasBacklog() || !ring.isEmpty()) {
            channel.flush();
            ring.drain(handler, 5);
        }

        assertThat(handler.items).containsExactlyElementsOf(expected);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aProducerThatNeverBlocksLosesNothingWhenTheConsumerIsSlowerOnAnotherThread() throws Exception {
        RecordRing ring = new RecordRing(64);
        OutboundChannel channel = new OutboundChannel(ring);
        int inputs = 200_000;
        int fanOut = 5;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] received = new long[1];

        Thread consumer = new Thread(() -> {
            RecordHandler checker = new RecordHandler() {
                @Override
                public void onRecord(Object value, long timestamp) {
                    if (timestamp != received[0]) {
                        throw new AssertionError("expected " + received[0] + " but got " + timestamp);
                    }
                    received[0]++;
                }

                @Override
                public boolean onControl(Marker marker, long argument) {
                    return false;
                }
            };
            try {
                while (received[0] < (long) inputs * fanOut) {
                    if (ring.drain(checker, 7) == 0) {
                        Thread.yield();
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "channel-consumer");
        consumer.start();

        // A cooperative task: takes an input only when the backlog is gone, otherwise only flushes.
        long seq = 0;
        int taken = 0;
        while (taken < inputs || channel.hasBacklog()) {
            if (!channel.hasBacklog() && taken < inputs) {
                for (int i = 0; i < fanOut; i++) {
                    channel.emit("out", seq++);
                }
                taken++;
            }
            if (!channel.flush()) {
                Thread.yield();
            }
        }
        consumer.join();

        assertThat(failure.get()).isNull();
        assertThat(received[0]).isEqualTo((long) inputs * fanOut);
    }
}
