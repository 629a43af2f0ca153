package dev.weir.rocksdb;

import dev.weir.api.common.state.ListState;
import dev.weir.engine.state.ListElements;
import java.util.Collections;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A {@link ListState} in RocksDB: one entry per key and namespace holding the elements ({@link ListBytes});
 * {@link #add} and {@link #addAll} append by RocksDB merge without reading the list, {@link #get()} decodes
 * elements as the iteration reaches them. Null elements are refused before anything is written, as on the heap.
 */
final class RocksDBListState<N, T> extends AbstractRocksDBState<N> implements ListState<T> {
    RocksDBListState(RocksDBStateAccess access, ColumnFamilyHandle column, String name) {
        super(access, column, name);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterable<T> get() {
        byte[] stored = access.get(column, currentKey(), getName());
        return stored == null ? Collections.emptyList() : (Iterable<T>) ListBytes.lazily(access.serializer(), stored);
    }

    @Override
    public void add(T value) {
        ListElements.requireNonNullElement(value, getName(), "add");
        access.merge(column, currentKey(), ListBytes.element(access.serializer(), value), getName());
    }

    /** Replaces the list; null or an empty list clears, as in Flink. */
    @Override
    public void update(List<T> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        ListElements.requireNoNullElements(values, getName(), "update");
        access.put(column, currentKey(), ListBytes.elements(access.serializer(), values), getName());
    }

    /** Appends {@code values}; null or an empty list changes nothing, as in Flink. */
    @Override
    public void addAll(List<T> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        ListElements.requireNoNullElements(values, getName(), "addAll");
        access.merge(column, currentKey(), ListBytes.elements(access.serializer(), values), getName());
    }
}
