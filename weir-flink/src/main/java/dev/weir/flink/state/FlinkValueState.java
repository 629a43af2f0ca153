package dev.weir.flink.state;

import dev.weir.api.common.state.ValueState;

/** A Flink value state seen as Weir's; the descriptor's default value is returned when the state is empty, as in both. */
final class FlinkValueState<T> implements ValueState<T> {
    private final org.apache.flink.api.common.state.ValueState<T> flink;
    private final T defaultValue;

    FlinkValueState(org.apache.flink.api.common.state.ValueState<T> flink, T defaultValue) {
        this.flink = flink;
        this.defaultValue = defaultValue;
    }

    @Override
    public T value() throws Exception {
        T value = flink.value();
        return value == null ? defaultValue : value;
    }

    @Override
    public void update(T value) throws Exception {
        flink.update(value);
    }

    @Override
    public void clear() {
        flink.clear();
    }
}
