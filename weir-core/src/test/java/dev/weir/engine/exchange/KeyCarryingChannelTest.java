package dev.weir.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.java.functions.KeySelector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A keyed edge's rings carry each record's key and key group from the producer to the consumer. */
class KeyCarryingChannelTest {

    private final RecordingHandler handler = new RecordingHandler();

    @Test
    void aRingThatCarriesKeysHandsEachKeyedRecordOverWithItsKeyAndKeyGroupAndEverythingElseAsBefore() {
        RecordRing ring = new RecordRing(8, true);
        ring.offerKeyed("a", 1, "k1", 17);
        ring.offer("plain", 2);
        ring.offerWatermark(3);
        ring.offerKeyed("b", 4, 42L, 127);
        ring.publish();

        assertThat(ring.carriesKeys()).isTrue();
        assertThat(ring.drain(handler, 10)).isEqualTo(4);
        assertThat(handler.takeAll()).containsExactly("a@1 k1#17", "plain@2", "WATERMARK:3", "b@4 42#127");
    }

    @Test
    void aDrainedSlotForgetsItsKeySoTheNextItemThroughItIsNotTakenForAKeyedRecord() {
        RecordRing ring = new RecordRing(2, true);
        for (int round = 0; round < 3; round++) {
            ring.offerKeyed("r" + round, round, "key" + round, round);
            ring.offerEndOfInput();
            ring.publish();
            ring.drain(handler, 10);
        }
        ring.offer("last", 9);
        ring.offerBarrier(5);
        ring.publish();
        ring.drain(handler, 10);

        assertThat(handler.takeAll()).containsExactly("r0@0 key0#0", "END_OF_INPUT:" + Marker.NO_ARGUMENT,
                "r1@1 key1#1", "END_OF_INPUT:" + Marker.NO_ARGUMENT, "r2@2 key2#2", "END_OF_INPUT:" + Marker.NO_ARGUMENT,
                "last@9", "BARRIER:5");
    }

    @Test
    void aHandlerThatTakesNoKeysGetsKeyedRecordsAsPlainRecords() {
        RecordRing ring = new RecordRing(4, true);
        List<String> seen = new ArrayList<>();
        ring.offerKeyed("a", 1, "k", 3);
        ring.publish();
        ring.drain(new RecordHandler() {
            @Override
            public void onRecord(Object value, long timestamp) {
                seen.add(value + "@" + timestamp);
            }

            @Override
            public boolean onControl(Marker marker, long argument) {
                throw new AssertionError(marker);
            }
        }, 10);

        assertThat(new RecordRing(4).carriesKeys()).isFalse();
        assertThat(seen).containsExactly("a@1");
    }

    @Test
    void keyedRecordsThatWaitInTheOverflowKeepTheirKeysAndTheirPlaceAmongMarkers() {
        RecordRing ring = new RecordRing(2, true);
        OutboundChannel channel = new OutboundChannel(ring);
        channel.emitKeyed("a", 1, "ka", 1);
        channel.emitKeyed("b", 2, "kb", 2);
        channel.emitKeyed("c", 3, "kc", 3);
        channel.emitWatermark(3);
        for (int i = 0; i < 40; i++) {
            channel.emitKeyed("x" + i, 10 + i, "kx" + i, i);
        }
        List<String> all = new ArrayList<>();
        while (!channel.flush() || !ring.isEmpty()) {
            ring.drain(handler, 1);
            all.addAll(handler.takeAll());
        }

        List<String> expected = new ArrayList<>(List.of("a@1 ka#1", "b@2 kb#2", "c@3 kc#3", "WATERMARK:3"));
        for (int i = 0; i < 40; i++) {
            expected.add("x" + i + "@" + (10 + i) + " kx" + i + "#" + i);
        }
        assertThat(all).containsExactlyElementsOf(expected);
        assertThat(channel.hasBacklog()).isFalse();
    }

    @Test
    void aKeyedEdgesWriterSendsTheKeyAndKeyGroupItRoutedByWhenItsRingsCarryKeys() {
        RecordRing[] rings = {new RecordRing(16, true), new RecordRing(16, true)};
        KeySelector<String, String> firstWord = s -> s.split(" ")[0];
        TestKeyGroups keyGroups = new TestKeyGroups(128, 2);
        RecordWriter writer = new RecordWriter(new OutboundChannel[] {new OutboundChannel(rings[0]), new OutboundChannel(rings[1])},
                new KeyGroupSelector(firstWord, keyGroups, "keyBy (1/1)"));
        writer.emit("apple pie", 1);
        writer.emit("pear tart", 2);
        writer.flush();

        int appleGroup = keyGroups.keyGroupOf("apple");
        int pearGroup = keyGroups.keyGroupOf("pear");
        List<String> received = new ArrayList<>();
        for (RecordRing ring : rings) {
            ring.drain(handler, 10);
            received.addAll(handler.takeAll());
        }
        assertThat(received).containsExactlyInAnyOrder("apple pie@1 apple#" + appleGroup, "pear tart@2 pear#" + pearGroup);
        RecordingHandler appleChannel = new RecordingHandler();
        writer.emit("apple crumble", 3);
        writer.flush();
        rings[keyGroups.channelOf(appleGroup)].drain(appleChannel, 10);
        assertThat(appleChannel.takeAll()).containsExactly("apple crumble@3 apple#" + appleGroup);
    }

    @Test
    void aKeyedEdgesWriterSendsPlainRecordsWhenItsRingsCarryNoKeys() {
        RecordRing ring = new RecordRing(16);
        KeySelector<String, String> identity = s -> s;
        RecordWriter writer = new RecordWriter(new OutboundChannel[] {new OutboundChannel(ring)},
                new KeyGroupSelector(identity, new TestKeyGroups(128, 1), "keyBy (1/1)"));
        writer.emit("a", 1);
        writer.flush();
        ring.drain(handler, 10);

        assertThat(handler.takeAll()).containsExactly("a@1");
    }
}
