package dev.weir.flink.state;

import dev.weir.api.common.state.AggregatingState;
import dev.weir.api.common.state.ReducingState;

/** A Flink reducing or aggregating state seen as Weir's: both are appending states with the same two calls. */
final class FlinkAppendingState<T> implements ReducingState<T>, AggregatingState<T, T> {
    private final org.apache.flink.api.common.state.AppendingState<T, T> flink;

    FlinkAppendingState(org.apache.flink.api.common.state.AppendingState<T, T> flink) {
        this.flink = flink;
    }

    @Override
    public T get() throws Exception {
        return flink.get();
    }

    @Override
    public void add(T value) throws Exception {
        flink.add(value);
    }

    @Override
    public void clear() {
        flink.clear();
    }
}
