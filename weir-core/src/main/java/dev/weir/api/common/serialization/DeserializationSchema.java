package dev.weir.api.common.serialization;

import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.metrics.MetricGroup;
import dev.weir.util.Collector;
import dev.weir.util.UserCodeClassLoader;
import java.io.IOException;
import java.io.Serializable;

/**
 * Turns the bytes of a message into an element, as Flink's {@code DeserializationSchema}. A source calls
 * {@link #open} once before the first message, then {@link #deserialize(byte[], Collector)} for each message.
 *
 * <p>Unlike Flink's, {@link #isEndOfStream} and {@link #getProducedType} have defaults (never the end; a generic type),
 * so a schema written as a lambda or for an older Weir still compiles; a Flink schema that overrides them works as
 * it does in Flink.
 */
public interface DeserializationSchema<T> extends Serializable {
    /** Called once before the first message, e.g. to create a parser or register metrics. */
    default void open(InitializationContext context) throws Exception {
    }

    /** The element the bytes encode; throws when they are malformed (the source then routes or fails by its policy). */
    T deserialize(byte[] message) throws IOException;

    /** Emits the elements the bytes encode; by default the one {@link #deserialize(byte[])} returns, or none for null. */
    default void deserialize(byte[] message, Collector<T> out) throws IOException {
        T value = deserialize(message);
        if (value != null) {
            out.collect(value);
        }
    }

    /**
     * Whether {@code nextElement} marks the end of the stream: a source that honours it (Weir's Kafka source does, per
     * partition) emits neither this element nor any after it from the same partition. False by default.
     */
    default boolean isEndOfStream(T nextElement) {
        return false;
    }

    /** The type of the elements; Weir needs no type information and only passes it on. */
    @SuppressWarnings("unchecked")
    default TypeInformation<T> getProducedType() {
        return (TypeInformation<T>) TypeInformation.of(Object.class);
    }

    /** What {@link #open} is given. */
    interface InitializationContext {
        /** The metric group of the source subtask, for the schema's own metrics. */
        MetricGroup getMetricGroup();

        UserCodeClassLoader getUserCodeClassLoader();
    }
}
