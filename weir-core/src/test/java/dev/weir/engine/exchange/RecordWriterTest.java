package dev.weir.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordWriterTest {

    private final RecordRing[] rings = {new RecordRing(2), new RecordRing(2), new RecordRing(2)};
    private final OutboundChannel[] channels = {
            new OutboundChannel(rings[0]), new OutboundChannel(rings[1]), new OutboundChannel(rings[2])};

    private List<String> drain(int channel) {
        RecordingHandler handler = new RecordingHandler();
        rings[channel].drain(handler, 100);
        return handler.items;
    }

    @Test
    void eachRecordGoesToTheChannelTheSelectorPicks() {
        RecordWriter writer = new RecordWriter(channels, new RoundRobinSelector(3, 1));
        writer.emit("a", 1);
        writer.emit("b", 2);
        writer.emit("c", 3);
        writer.emit("d", 4);
        writer.flush();

        assertThat(drain(0)).containsExactly("c@3");
        assertThat(drain(1)).containsExactly("a@1", "d@4");
        assertThat(drain(2)).containsExactly("b@2");
    }

    @Test
    void aBroadcastRecordReachesEveryChannelAsTheSameObject() {
        RecordWriter writer = new RecordWriter(channels, new BroadcastSelector());
        Object record = new Object();
        writer.emit(record, 5);
        writer.flush();

        for (RecordRing ring : rings) {
            ring.drain(new RecordHandler() {
                @Override
                public void onRecord(Object value, long timestamp) {
                    assertThat(value).isSameAs(record);
                    assertThat(timestamp).isEqualTo(5);
                }

                @Override
                public boolean onControl(Marker marker, long argument) {
                    throw new AssertionError(marker);
                }
            }, 10);
            assertThat(ring.isEmpty()).isTrue();
        }
    }

    private void drainInto(int channel, RecordingHandler handler) {
        rings[channel].drain(handler, 100);
    }

    @Test
    void controlItemsGoToEveryChannelInOrderWithTheRecords() {
        RecordingHandler channel0 = new RecordingHandler();
        RecordWriter writer = new RecordWriter(channels, new GlobalSelector());
        writer.emit("a", 1);
        writer.emitWatermark(1);
        writer.emitBarrier(3);
        while (!writer.flush()) {
            drainInto(0, channel0);
        }
        drainInto(0, channel0);

        assertThat(channel0.items).containsExactly("a@1", "WATERMARK:1", "BARRIER:3");
        assertThat(drain(1)).containsExactly("WATERMARK:1", "BARRIER:3");
        assertThat(drain(2)).containsExactly("WATERMARK:1", "BARRIER:3");

        writer.emitIdleness(true);
        writer.emitEndOfInput();
        writer.flush();
        long none = Marker.NO_ARGUMENT;
        for (int c = 0; c < 3; c++) {
            assertThat(drain(c)).containsExactly("IDLE:" + none, "END_OF_INPUT:" + none);
        }
    }

    @Test
    void flushReportsABacklogUntilEveryChannelCaughtUp() {
        RecordWriter writer = new RecordWriter(channels, new ForwardSelector(1));
        writer.emit("a", 1);
        writer.emit("b", 2);
        writer.emit("c", 3);

        assertThat(writer.hasBacklog()).isTrue();
        assertThat(writer.flush()).isFalse();
        assertThat(drain(1)).containsExactly("a@1", "b@2");
        assertThat(writer.flush()).isTrue();
        assertThat(writer.hasBacklog()).isFalse();
        assertThat(drain(1)).containsExactly("c@3");
    }

    @Test
    void aWriterNeedsAtLeastOneChannel() {
        assertThatThrownBy(() -> new RecordWriter(new OutboundChannel[0], new GlobalSelector()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one channel");
        assertThat(new RecordWriter(channels, new GlobalSelector()).numberOfChannels()).isEqualTo(3);
    }
}
