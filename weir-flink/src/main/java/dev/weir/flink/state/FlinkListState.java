package dev.weir.flink.state;

import dev.weir.api.common.state.ListState;
import java.util.List;

/** A Flink list state seen as Weir's. */
final class FlinkListState<T> implements ListState<T> {
    private final org.apache.flink.api.common.state.ListState<T> flink;

    FlinkListState(org.apache.flink.api.common.state.ListState<T> flink) {
        this.flink = flink;
    }

    @Override
    public Iterable<T> get() throws Exception {
        Iterable<T> values = flink.get();
        // Flink returns null or an empty iterable for an empty list depending on the backend; Weir returns empty.
        return values == null ? List.of() : values;
    }

    @Override
    public void add(T value) throws Exception {
        flink.add(value);
    }

    @Override
    public void update(List<T> values) throws Exception {
        flink.update(values);
    }

    @Override
    public void addAll(List<T> values) throws Exception {
        flink.addAll(values);
    }

    @Override
    public void clear() {
        flink.clear();
    }
}
