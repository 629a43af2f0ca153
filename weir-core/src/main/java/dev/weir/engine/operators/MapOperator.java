package dev.weir.engine.operators;

import dev.weir.api.common.functions.MapFunction;

/** {@code DataStream#map}. */
public final class MapOperator extends UdfOperator<MapFunction<Object, Object>> implements OneInputOperator {
    public MapOperator(MapFunction<Object, Object> function) {
        super(function);
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        Object result = function.map(value);
        if (result == null) {
            throw new NullPointerException(describe() + " returned null: records must not be null; use filter or flatMap to drop elements");
        }
        output.collect(result, timestamp);
    }
}
