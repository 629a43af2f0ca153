package dev.weir.engine.state;

import dev.weir.api.common.state.ValueState;

/** A {@link ValueState} whose value expires after the descriptor's time to live. */
final class TtlValueState<N, T> extends AbstractTtlState<N> implements ValueState<T> {
    private final T defaultValue;

    TtlValueState(StateTable table, TtlPolicy ttl, T defaultValue) {
        super(table, ttl);
        this.defaultValue = defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T value() {
        Object visible = readVisible();
        return visible == null ? defaultValue : (T) visible;
    }

    /** Stores {@code value} with a fresh time to live; null clears, as in Flink. */
    @Override
    public void update(T value) {
        if (value == null) {
            table.remove(currentNamespace);
        } else {
            write(value);
        }
    }
}
