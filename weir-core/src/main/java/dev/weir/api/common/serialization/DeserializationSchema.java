package dev.weir.api.common.serialization;

import dev.weir.util.Collector;
import java.io.IOException;
import java.io.Serializable;

/** Turns the bytes of a message into an element, as Flink's {@code DeserializationSchema}. */
public interface DeserializationSchema<T> extends Serializable {
    /** The element the bytes encode; throws when they are malformed (the source then routes or fails by its policy). */
    T deserialize(byte[] message) throws IOException;

    /** Emits the elements the bytes encode; by default the one {@link #deserialize(byte[])} returns, or none for null. */
    default void deserialize(byte[] message, Collector<T> out) throws IOException {
        T value = deserialize(message);
        if (value != null) {
            out.collect(value);
        }
    }
}
