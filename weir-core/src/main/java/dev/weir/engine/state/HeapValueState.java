package dev.weir.engine.state;

import dev.weir.api.common.state.ValueState;

/** A {@link ValueState} on the heap without a time to live. */
final class HeapValueState<N, T> extends AbstractHeapState<N> implements ValueState<T> {
    private final T defaultValue;

    HeapValueState(StateTable table, T defaultValue) {
        super(table);
        this.defaultValue = defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T value() {
        Object stored = table.get(currentNamespace);
        return stored == null ? defaultValue : (T) stored;
    }

    /** Stores {@code value}; null clears, as in Flink. */
    @Override
    public void update(T value) {
        if (value == null) {
            table.remove(currentNamespace);
        } else {
            table.put(currentNamespace, value);
        }
    }
}
