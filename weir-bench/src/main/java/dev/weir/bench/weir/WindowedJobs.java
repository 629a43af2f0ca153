package dev.weir.bench.weir;

import dev.weir.api.DataStream;
import dev.weir.bench.Event;
import dev.weir.bench.KeyedSum;
import dev.weir.bench.Workload;

/**
 * Weir's side of the windowed workloads. Its implementation lives in {@code src/weir-windows/java} (profile
 * {@code weir-windows}) because it needs {@code dev.weir.api.windowing}; {@link WeirEngine} loads it by name.
 */
public interface WindowedJobs {
    String IMPLEMENTATION = "dev.weir.bench.weir.WeirWindowJobs";

    /** The windowed job of {@code workload} over {@code events}. */
    DataStream<KeyedSum> build(Workload workload, DataStream<Event> events);
}
