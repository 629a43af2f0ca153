package dev.weir.api.common.serialization;

import dev.weir.metrics.MetricGroup;
import dev.weir.util.UserCodeClassLoader;
import java.io.Serializable;

/** Turns an element into the bytes of a message, as Flink's {@code SerializationSchema}. */
public interface SerializationSchema<T> extends Serializable {
    /** Called once before the first element, e.g. to create a writer or register metrics. */
    default void open(InitializationContext context) throws Exception {
    }

    byte[] serialize(T element);

    /** What {@link #open} is given. */
    interface InitializationContext {
        /** The metric group of the sink subtask, for the schema's own metrics. */
        MetricGroup getMetricGroup();

        UserCodeClassLoader getUserCodeClassLoader();
    }
}
