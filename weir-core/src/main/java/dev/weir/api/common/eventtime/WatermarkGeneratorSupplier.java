package dev.weir.api.common.eventtime;

import java.io.Serializable;

/** Creates a {@link WatermarkGenerator} per parallel instance. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {
    WatermarkGenerator<T> createWatermarkGenerator(Context context);

    /** What the supplier knows when it is called; reserved, as in Flink. */
    interface Context {
    }
}
