package dev.weir.streaming.api.windowing.evictors;

import dev.weir.metrics.MetricGroup;
import dev.weir.streaming.runtime.operators.windowing.TimestampedValue;
import dev.weir.streaming.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Removes elements from a window before and/or after the window function runs, by removing them through the
 * iterator of {@code elements}. A window with an evictor keeps every element (no pre-aggregation).
 */
public interface Evictor<T, W extends Window> extends Serializable {
    void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** What an evictor may ask of the runtime. */
    interface EvictorContext {
        long getCurrentProcessingTime();

        MetricGroup getMetricGroup();

        long getCurrentWatermark();
    }
}
