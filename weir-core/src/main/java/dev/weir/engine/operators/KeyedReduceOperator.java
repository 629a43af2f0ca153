package dev.weir.engine.operators;

import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;

/** {@code KeyedStream#reduce} and the field aggregations: keeps the running value per key and emits it each time. */
public final class KeyedReduceOperator extends UdfOperator<ReduceFunction<Object>> implements OneInputOperator {
    private ValueState<Object> current;

    public KeyedReduceOperator(ReduceFunction<Object> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        current = keyedState.getOrCreateState(new ValueStateDescriptor<>("_weir_keyed_reduce", Object.class));
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        Object previous = current.value();
        Object next = previous == null ? value : function.reduce(previous, value);
        if (next == null) {
            throw new NullPointerException(describe() + " returned null from reduce: the reduce function must return a value");
        }
        current.update(next);
        output.collect(next, timestamp);
    }
}
