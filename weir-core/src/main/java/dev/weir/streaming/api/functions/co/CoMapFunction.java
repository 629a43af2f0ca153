package dev.weir.streaming.api.functions.co;

import dev.weir.api.common.functions.Function;

/** Maps the elements of two connected streams into one output type. */
public interface CoMapFunction<IN1, IN2, OUT> extends Function {
    OUT map1(IN1 value) throws Exception;

    OUT map2(IN2 value) throws Exception;
}
