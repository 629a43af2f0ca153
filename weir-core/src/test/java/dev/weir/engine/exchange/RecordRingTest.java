package dev.weir.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordRingTest {

    private final RecordingHandler handler = new RecordingHandler();

    @Test
    void capacityIsRoundedUpToAPowerOfTwo() {
        assertThat(new RecordRing(1).capacity()).isEqualTo(1);
        assertThat(new RecordRing(2).capacity()).isEqualTo(2);
        assertThat(new RecordRing(3).capacity()).isEqualTo(4);
        assertThat(new RecordRing(8).capacity()).isEqualTo(8);
        assertThat(new RecordRing(1000).capacity()).isEqualTo(1024);
    }

    @Test
    void capacityOutsideTheSupportedRangeIsRefusedWithTheRange() {
        assertThatThrownBy(() -> new RecordRing(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and " + RecordRing.MAX_CAPACITY)
                .hasMessageContaining("was 0");
        assertThatThrownBy(() -> new RecordRing(RecordRing.MAX_CAPACITY + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void offeredItemsStayInvisibleToTheConsumerUntilPublished() {
        RecordRing ring = new RecordRing(4);
        ring.offer("a", 1);
        ring.offer("b", 2);

        assertThat(ring.isEmpty()).isTrue();
        assertThat(ring.size()).isZero();
        assertThat(ring.drain(handler, 10)).isZero();

        ring.publish();

        assertThat(ring.isEmpty()).isFalse();
        assertThat(ring.size()).isEqualTo(2);
        assertThat(ring.drain(handler, 10)).isEqualTo(2);
        assertThat(handler.takeAll()).containsExactly("a@1", "b@2");
        assertThat(ring.isEmpty()).isTrue();
    }

    @Test
    void offerReturnsFalseWhenFullAndTheRefusedItemIsNotStored() {
        RecordRing ring = new RecordRing(2);
        assertThat(ring.offer("a", 1)).isTrue();
        assertThat(ring.offer("b", 2)).isTrue();
        assertThat(ring.remainingCapacity()).isZero();

        assertThat(ring.offer("c", 3)).isFalse();
        ring.publish();

        assertThat(ring.drain(handler, 10)).isEqualTo(2);
        assertThat(handler.takeAll()).containsExactly("a@1", "b@2");
    }

    @Test
    void slotsFreedByADrainAreOfferedAgainAcrossTheWraparound() {
        RecordRing ring = new RecordRing(4);
        int next = 0;
        StringBuilder expected = new StringBuilder();
        for (int round = 0; round < 5; round++) {
            while (ring.offer("v" + next, next)) {
                expected.append("v").append(next).append('@').append(next).append(',');
                next++;
            }
            ring.publish();
            assertThat(ring.size()).isEqualTo(4);
            ring.drain(handler, 3);
        }
        ring.drain(handler, 10);

        assertThat(next).isEqualTo(4 + 4 * 3);
        assertThat(String.join(",", handler.items) + ",").isEqualTo(expected.toString());
    }

    @Test
    void drainStopsAtTheLimitAndLeavesTheRestForTheNextDrain() {
        RecordRing ring = new RecordRing(8);
        for (int i = 0; i < 5; i++) {
            ring.offer(i, i * 10L);
        }
        ring.publish();

        assertThat(ring.drain(handler, 2)).isEqualTo(2);
        assertThat(handler.takeAll()).containsExactly("0@0", "1@10");
        assertThat(ring.size()).isEqualTo(3);
        assertThat(ring.remainingCapacity()).isEqualTo(5);

        assertThat(ring.drain(handler, 0)).isZero();
        assertThat(ring.drain(handler, 100)).isEqualTo(3);
        assertThat(handler.takeAll()).containsExactly("2@20", "3@30", "4@40");
    }

    @Test
    void drainClearsTheReferenceOfEveryDrainedSlotSoTheRecordCanBeCollected() {
        RecordRing ring = new RecordRing(4);
        ring.offer("a", 1);
        ring.offer("b", 2);
        ring.offer("c", 3);
        ring.publish();

        ring.drain(handler, 2);

        assertThat(ring.values).containsExactly(null, null, "c", null);
    }

    @Test
    void markersReachOnControlWithTheirArgumentInTheirPlaceBetweenRecords() {
        RecordRing ring = new RecordRing(16);
        ring.offer("a", 1);
        ring.offerWatermark(5);
        ring.offerIdleness(true);
        ring.offerIdleness(false);
        ring.offer("b", 7);
        ring.offerBarrier(42);
        ring.offerEndOfInput();
        ring.publish();

        assertThat(ring.drain(handler, 100)).isEqualTo(7);

        long none = Marker.NO_ARGUMENT;
        assertThat(handler.items).containsExactly(
                "a@1", "WATERMARK:5", "IDLE:" + none, "ACTIVE:" + none, "b@7", "BARRIER:42", "END_OF_INPUT:" + none);
    }

    @Test
    void onControlReturningTrueEndsTheDrainAfterThatItemAndLeavesTheRestInTheRing() {
        RecordRing ring = new RecordRing(8);
        RecordingHandler stopAtBarrier = new RecordingHandler(Marker.BARRIER);
        ring.offer("a", 1);
        ring.offerBarrier(9);
        ring.offer("b", 2);
        ring.offerWatermark(3);
        ring.publish();

        assertThat(ring.drain(stopAtBarrier, 100)).isEqualTo(2);
        assertThat(stopAtBarrier.takeAll()).containsExactly("a@1", "BARRIER:9");
        assertThat(ring.size()).isEqualTo(2);

        assertThat(ring.drain(stopAtBarrier, 100)).isEqualTo(2);
        assertThat(stopAtBarrier.takeAll()).containsExactly("b@2", "WATERMARK:3");
    }

    @Test
    void aRecordThatIsNotAMarkerInstanceIsDataEvenWhenNull() {
        RecordRing ring = new RecordRing(2);
        ring.offer(null, 1);
        ring.offer("WATERMARK", 2);
        ring.publish();

        ring.drain(handler, 10);

        assertThat(handler.items).containsExactly("null@1", "WATERMARK@2");
    }

    @Test
    void whenTheHandlerThrowsTheItemsUpToTheFailingOneAreConsumedAndTheRestRemain() {
        RecordRing ring = new RecordRing(4);
        ring.offer("a", 1);
        ring.offer("boom", 2);
        ring.offer("c", 3);
        ring.publish();
        RecordHandler failing = new RecordHandler() {
            @Override
            public void onRecord(Object value, long timestamp) {
                if (value.equals("boom")) {
                    throw new IllegalStateException("user function failed");
                }
            }

            @Override
            public boolean onControl(Marker marker, long argument) {
                return false;
            }
        };

        assertThatThrownBy(() -> ring.drain(failing, 10)).hasMessage("user function failed");

        assertThat(ring.size()).isEqualTo(1);
        assertThat(ring.drain(handler, 10)).isEqualTo(1);
        assertThat(handler.items).containsExactly("c@3");
    }

    @Test
    void publishingTwiceWithoutNewOffersChangesNothing() {
        RecordRing ring = new RecordRing(4);
        ring.offer("a", 1);
        ring.publish();
        ring.publish();

        assertThat(ring.size()).isEqualTo(1);
        assertThat(ring.drain(handler, 10)).isEqualTo(1);
        assertThat(ring.isEmpty()).isTrue();
    }

    @Test
    void aRingOfCapacityOneAlternatesBetweenFullAndEmpty() {
        RecordRing ring = new RecordRing(1);
        for (int i = 0; i < 3; i++) {
            assertThat(ring.offer("v" + i, i)).isTrue();
            assertThat(ring.offer("extra", -1)).isFalse();
            ring.publish();
            assertThat(ring.drain(handler, 5)).isEqualTo(1);
        }
        assertThat(handler.items).containsExactly("v0@0", "v1@1", "v2@2");
    }
}
