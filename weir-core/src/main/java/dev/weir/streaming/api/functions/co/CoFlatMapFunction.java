package dev.weir.streaming.api.functions.co;

import dev.weir.api.common.functions.Function;
import dev.weir.util.Collector;

/** Flat-maps the elements of two connected streams into one output type. */
public interface CoFlatMapFunction<IN1, IN2, OUT> extends Function {
    void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

    void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}
