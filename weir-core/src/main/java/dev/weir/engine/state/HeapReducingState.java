package dev.weir.engine.state;

import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.api.common.state.ReducingState;

/** A {@link ReducingState} on the heap without a time to live. */
final class HeapReducingState<N, T> extends AbstractHeapState<N> implements ReducingState<T> {
    private final ReduceFunction<T> reduceFunction;

    HeapReducingState(StateTable table, ReduceFunction<T> reduceFunction) {
        super(table);
        this.reduceFunction = reduceFunction;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get() {
        return (T) table.get(currentNamespace);
    }

    /** Combines {@code value} into the current value; null clears, as Flink's heap state does. */
    @Override
    @SuppressWarnings("unchecked")
    public void add(T value) throws Exception {
        if (value == null) {
            clear();
            return;
        }
        T current = (T) table.get(currentNamespace);
        table.put(currentNamespace, current == null ? value : reduceFunction.reduce(current, value));
    }
}
