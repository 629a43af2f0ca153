package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.engine.checkpoint.storage.StateSerializer;
import dev.weir.engine.checkpoint.storage.StateSerializers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The current key's RocksDB bytes: serialized once for a key seen lately, always the bytes of the key's own serialization. */
class StateKeysTest {
    /** The state serializer, counting the calls. */
    private static final class Counting implements StateSerializer {
        private final StateSerializer real = StateSerializers.create();
        int serialized;

        @Override
        public byte[] serialize(Object value) {
            serialized++;
            return real.serialize(value);
        }

        @Override
        public Object deserialize(byte[] bytes) {
            return real.deserialize(bytes);
        }

        @Override
        public Object deserialize(byte[] bytes, int offset, int length) {
            return real.deserialize(bytes, offset, length);
        }

        @Override
        public Object copy(Object value) {
            return real.copy(value);
        }
    }

    @Test
    void aLongIntegerOrStringKeySeenAgainIsNotSerializedAgainAndKeepsItsBytesArray() {
        Counting serializer = new Counting();
        StateKeys keys = new StateKeys(serializer);
        keys.setCurrentKey(7L, 3);
        byte[] first = keys.currentKeyBytes();
        keys.setCurrentKey("seven", 4);
        keys.setCurrentKey(8, 5);
        keys.setCurrentKey(Long.valueOf(7L), 3); // equal, not the same object
        assertThat(keys.currentKeyBytes()).isSameAs(first);
        keys.setCurrentKey(new String("seven"), 4);
        keys.setCurrentKey(8, 5);
        assertThat(serializer.serialized).as("one serialization per distinct key").isEqualTo(3);
    }

    @Test
    void equalKeysOfDifferentTypesKeepTheirOwnBytes() {
        Counting serializer = new Counting();
        StateKeys keys = new StateKeys(serializer);
        keys.setCurrentKey(7L, 3);
        byte[] asLong = keys.currentKeyBytes().clone();
        keys.setCurrentKey(7, 3);
        assertThat(keys.currentKeyBytes()).isEqualTo(serializer.real.serialize(7)).isNotEqualTo(asLong);
        keys.setCurrentKey(7L, 3);
        assertThat(keys.currentKeyBytes()).isEqualTo(asLong);
    }

    @Test
    void keysOfOtherTypesAreSerializedEachTimeSinceTheyMayChangeOrSerializeUnlikeTheirEquals() {
        Counting serializer = new Counting();
        StateKeys keys = new StateKeys(serializer);
        List<Integer> key = new java.util.ArrayList<>(List.of(1, 2));
        keys.setCurrentKey(key, 3);
        keys.setCurrentKey(key, 3);
        assertThat(serializer.serialized).isEqualTo(2);
    }
}
