package dev.weir.api.common.serialization;

import java.io.Serializable;

/** Turns an element into the bytes of a message, as Flink's {@code SerializationSchema}. */
public interface SerializationSchema<T> extends Serializable {
    byte[] serialize(T element);
}
