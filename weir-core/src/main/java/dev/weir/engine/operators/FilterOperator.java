package dev.weir.engine.operators;

import dev.weir.api.common.functions.FilterFunction;

/** {@code DataStream#filter}. */
public final class FilterOperator extends UdfOperator<FilterFunction<Object>> implements OneInputOperator {
    public FilterOperator(FilterFunction<Object> function) {
        super(function);
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        if (function.filter(value)) {
            output.collect(value, timestamp);
        }
    }
}
