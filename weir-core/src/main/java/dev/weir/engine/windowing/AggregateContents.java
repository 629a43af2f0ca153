package dev.weir.engine.windowing;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.engine.state.KeyedStateBackend;

/** A window aggregated incrementally into an accumulator of an {@link AggregateFunction}. */
final class AggregateContents extends ValueContents {
    private final AggregateFunction<Object, Object, Object> function;

    AggregateContents(KeyedStateBackend backend, AggregateFunction<Object, Object, Object> function) {
        super(backend);
        this.function = function;
    }

    @Override
    Object addTo(Object stored, Object value) {
        return function.add(value, stored == null ? function.createAccumulator() : stored);
    }

    @Override
    Object combine(Object a, Object b) {
        return function.merge(a, b);
    }

    @Override
    Object result(Object stored) {
        return function.getResult(stored);
    }
}
