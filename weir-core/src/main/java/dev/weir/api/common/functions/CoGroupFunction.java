package dev.weir.api.common.functions;

import dev.weir.util.Collector;

/** Receives, per key and window, all elements of both inputs (either side may be empty). */
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, O> extends Function {
    void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<O> out) throws Exception;
}
