package dev.weir.api.windowing.evictors;

import java.io.Serializable;

/** The distance between two data points, for {@link DeltaEvictor}. */
@FunctionalInterface
public interface DeltaFunction<DATA> extends Serializable {
    double getDelta(DATA oldDataPoint, DATA newDataPoint);
}
