package dev.weir.api.common.typeutils;

import java.io.Serializable;

/**
 * Flink's serializer type, so that job code handing one through compiles and runs: a state descriptor constructor
 * taking a serializer, {@code DeltaTrigger.of(threshold, delta, serializer)}, or
 * {@code stream.getType().createSerializer(env.getConfig())}. Weir serializes state with its own serializer and
 * never calls one of these; unlike Flink's, this class declares no serialization methods.
 */
public abstract class TypeSerializer<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    protected TypeSerializer() {
    }
}
