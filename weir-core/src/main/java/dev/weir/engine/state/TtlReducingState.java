package dev.weir.engine.state;

import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.api.common.state.ReducingState;

/** A {@link ReducingState} whose value expires after the time to live; an expired value is never reduced into. */
final class TtlReducingState<N, T> extends AbstractTtlState<N> implements ReducingState<T> {
    private final ReduceFunction<T> reduceFunction;

    TtlReducingState(StateTable table, TtlPolicy ttl, ReduceFunction<T> reduceFunction) {
        super(table, ttl);
        this.reduceFunction = reduceFunction;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get() {
        return (T) readVisible();
    }

    /** Combines {@code value} into the unexpired current value; null clears, as Flink's heap state does. */
    @Override
    @SuppressWarnings("unchecked")
    public void add(T value) throws Exception {
        if (value == null) {
            clear();
            return;
        }
        T current = (T) readUnexpired();
        write(current == null ? value : reduceFunction.reduce(current, value));
    }
}
