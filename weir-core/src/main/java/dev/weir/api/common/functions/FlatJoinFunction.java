package dev.weir.api.common.functions;

import dev.weir.util.Collector;

/** Turns one pair of joined elements into any number of results. */
@FunctionalInterface
public interface FlatJoinFunction<IN1, IN2, OUT> extends Function {
    void join(IN1 first, IN2 second, Collector<OUT> out) throws Exception;
}
