package dev.weir.api.common.state;

import java.util.List;

/** A list per key; {@link #get()} returns an empty iterable when the list is empty, like Flink's heap state. */
public interface ListState<T> extends AppendingState<T, Iterable<T>> {
    void update(List<T> values) throws Exception;

    void addAll(List<T> values) throws Exception;
}
