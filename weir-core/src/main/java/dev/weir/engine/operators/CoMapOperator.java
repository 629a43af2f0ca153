package dev.weir.engine.operators;

import dev.weir.streaming.api.functions.co.CoMapFunction;

/** {@code ConnectedStreams#map}. */
public final class CoMapOperator extends UdfOperator<CoMapFunction<Object, Object, Object>> implements TwoInputOperator {
    public CoMapOperator(CoMapFunction<Object, Object, Object> function) {
        super(function);
    }

    @Override
    public void processElement1(Object value, long timestamp) throws Exception {
        emit(function.map1(value), timestamp);
    }

    @Override
    public void processElement2(Object value, long timestamp) throws Exception {
        emit(function.map2(value), timestamp);
    }

    private void emit(Object result, long timestamp) {
        if (result == null) {
            throw new NullPointerException(describe() + " returned null: records must not be null; use flatMap to drop elements");
        }
        output.collect(result, timestamp);
    }
}
