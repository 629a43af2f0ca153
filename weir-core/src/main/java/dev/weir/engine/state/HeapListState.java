package dev.weir.engine.state;

import dev.weir.api.common.state.ListState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link ListState} on the heap without a time to live, stored as an {@code ArrayList}. {@link #get()} returns the
 * stored list itself (no copy, as Flink's heap state) or an empty list when there is none, never null.
 */
final class HeapListState<N, T> extends AbstractHeapState<N> implements ListState<T> {
    HeapListState(StateTable table) {
        super(table);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterable<T> get() {
        Object stored = table.get(currentNamespace);
        return stored == null ? Collections.emptyList() : (List<T>) stored;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void add(T value) {
        ListElements.requireNonNullElement(value, getName(), "add");
        ArrayList<Object> list = (ArrayList<Object>) table.get(currentNamespace);
        if (list == null) {
            list = new ArrayList<>();
            table.put(currentNamespace, list);
        }
        list.add(value);
    }

    /** Replaces the list; null or an empty list clears, as in Flink. */
    @Override
    public void update(List<T> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        ListElements.requireNoNullElements(values, getName(), "update");
        table.put(currentNamespace, new ArrayList<Object>(values));
    }

    /** Appends {@code values}; null or an empty list changes nothing, as in Flink. */
    @Override
    @SuppressWarnings("unchecked")
    public void addAll(List<T> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        ListElements.requireNoNullElements(values, getName(), "addAll");
        ArrayList<Object> list = (ArrayList<Object>) table.get(currentNamespace);
        if (list == null) {
            table.put(currentNamespace, new ArrayList<Object>(values));
        } else {
            list.addAll(values);
        }
    }
}
