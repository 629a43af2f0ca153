package dev.weir.api.serialization;

import java.io.Serializable;

/** Turns an element into the bytes of a message, as Flink's {@code SerializationSchema}. */
public interface SerializationSchema<T> extends Serializable {
    byte[] serialize(T element);
}
