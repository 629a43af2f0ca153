package dev.weir.api.common.eventtime;

import java.io.Serializable;

/** Creates a {@link TimestampAssigner} per parallel instance. */
@FunctionalInterface
public interface TimestampAssignerSupplier<T> extends Serializable {
    TimestampAssigner<T> createTimestampAssigner(Context context);

    /** What the supplier knows when it is called; reserved, as in Flink. */
    interface Context {
    }
}
