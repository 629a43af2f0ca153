package dev.weir.api.common.functions;

import dev.weir.util.Collector;

/** Turns each element into zero, one or more elements, emitted through the collector. */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {
    void flatMap(T value, Collector<O> out) throws Exception;
}
