package dev.weir.streaming.api.functions.windowing.delta;

import dev.weir.streaming.api.windowing.evictors.DeltaEvictor;

import java.io.Serializable;

/** The distance between two data points, for {@link DeltaEvictor} and {@code DeltaTrigger}. */
@FunctionalInterface
public interface DeltaFunction<DATA> extends Serializable {
    double getDelta(DATA oldDataPoint, DATA newDataPoint);
}
