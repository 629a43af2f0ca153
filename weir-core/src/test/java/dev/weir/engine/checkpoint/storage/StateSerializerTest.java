package dev.weir.engine.checkpoint.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.java.tuple.Tuple2;
import dev.weir.api.java.tuple.Tuple3;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class StateSerializerTest {

    /** A POJO without a no-arg constructor and with final fields, which a user may well keep in state. */
    static final class Position {
        private final String account;
        private final long quantity;
        private final int venue;
        private final double price;

        Position(String account, long quantity, int venue, double price) {
            this.account = account;
            this.quantity = quantity;
            this.venue = venue;
            this.price = price;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Position p && p.account.equals(account) && p.quantity == quantity && p.venue == venue
                    && p.price == price;
        }

        @Override
        public int hashCode() {
            return Objects.hash(account, quantity, venue, price);
        }
    }

    /** A typical record in state. */
    record Reading(String sensor, long timestamp, double value) {
    }

    private final StateSerializer serializer = StateSerializers.create();

    private Object roundTrip(Object value) {
        return serializer.deserialize(serializer.serialize(value));
    }

    @Test
    void boxedPrimitivesAndStringsRoundTrip() {
        assertThat(roundTrip(1_234_567_890_123L)).isEqualTo(1_234_567_890_123L);
        assertThat(roundTrip(-7)).isEqualTo(-7);
        assertThat(roundTrip("déjà vu ✓")).isEqualTo("déjà vu ✓");
    }

    @Test
    void nullRoundTrips() {
        assertThat(roundTrip(null)).isNull();
    }

    @Test
    void weirTuplesRoundTripWithTheirFields() {
        Object back = roundTrip(Tuple2.of("user-17", 99_000L));
        assertThat(back).isInstanceOf(Tuple2.class).isEqualTo(Tuple2.of("user-17", 99_000L));
        assertThat(roundTrip(Tuple3.of("a", 1, Tuple2.of(2L, null)))).isEqualTo(Tuple3.of("a", 1, Tuple2.of(2L, null)));
    }

    @Test
    void aPojoWithoutANoArgConstructorRoundTrips() {
        assertThat(roundTrip(new Position("acme", 10, 3, 1.5))).isEqualTo(new Position("acme", 10, 3, 1.5));
    }

    @Test
    void recordsRoundTrip() {
        assertThat(roundTrip(new Reading("s-1", 1_700_000_000_000L, 21.5)))
                .isEqualTo(new Reading("s-1", 1_700_000_000_000L, 21.5));
    }

    @Test
    void listsOfTuplesAndRecordsAndMapsOfLongsRoundTrip() {
        List<Object> list = new ArrayList<>();
        list.add(Tuple2.of("k", 1L));
        list.add(new Reading("s-2", 5L, 0.25));
        list.add(null);
        Map<String, Long> counts = new HashMap<>();
        counts.put("a", 1L);
        counts.put("b", Long.MAX_VALUE);

        assertThat(roundTrip(list)).isInstanceOf(ArrayList.class).isEqualTo(list);
        assertThat(roundTrip(counts)).isInstanceOf(HashMap.class).isEqualTo(counts);
    }

    @Test
    void aValueIsReadFromTheMiddleOfALargerArray() {
        byte[] value = serializer.serialize(Tuple2.of("mid", 3L));
        byte[] framed = new byte[value.length + 10];
        System.arraycopy(value, 0, framed, 7, value.length);

        assertThat(serializer.deserialize(framed, 7, value.length)).isEqualTo(Tuple2.of("mid", 3L));
    }

    @Test
    void bytesFromOneSerializerAreReadByAnotherInstance() {
        byte[] bytes = serializer.serialize(new Reading("s-3", 9L, 1.0));

        assertThat(StateSerializers.create().deserialize(bytes)).isEqualTo(new Reading("s-3", 9L, 1.0));
    }
}
