package dev.weir.core.io;

import java.io.IOException;

/**
 * Turns objects into versioned bytes and back, as Flink's {@code SimpleVersionedSerializer}. Weir's own checkpoints
 * do not need it; it exists for the Flink interfaces that name it (such as {@code BucketAssigner#getSerializer}).
 */
public interface SimpleVersionedSerializer<E> {
    /** The version of the format {@link #serialize} writes. */
    int getVersion();

    byte[] serialize(E obj) throws IOException;

    /** Reads bytes written by a serializer of {@code version}. */
    E deserialize(int version, byte[] serialized) throws IOException;
}
