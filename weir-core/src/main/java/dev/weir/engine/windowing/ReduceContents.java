package dev.weir.engine.windowing;

import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.engine.state.KeyedStateBackend;

/** A window reduced incrementally by a {@link ReduceFunction}. */
final class ReduceContents extends ValueContents {
    private final ReduceFunction<Object> function;

    ReduceContents(KeyedStateBackend backend, ReduceFunction<Object> function) {
        super(backend);
        this.function = function;
    }

    @Override
    Object addTo(Object stored, Object value) throws Exception {
        return stored == null ? value : function.reduce(stored, value);
    }

    @Override
    Object combine(Object a, Object b) throws Exception {
        return function.reduce(a, b);
    }

    @Override
    Object result(Object stored) {
        return stored;
    }
}
