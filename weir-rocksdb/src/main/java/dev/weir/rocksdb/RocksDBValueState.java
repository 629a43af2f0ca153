package dev.weir.rocksdb;

import dev.weir.api.common.state.ValueState;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A {@link ValueState} in RocksDB: one entry per key and namespace holding the serialized value. As in Flink's
 * RocksDB backend, {@link #value()} returns a fresh copy: a change to it is kept only by {@link #update}.
 */
final class RocksDBValueState<N, T> extends AbstractRocksDBState<N> implements ValueState<T> {
    private final T defaultValue;

    RocksDBValueState(RocksDBKeyedStateBackend backend, ColumnFamilyHandle column, String name, T defaultValue) {
        super(backend, column, name);
        this.defaultValue = defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T value() {
        byte[] stored = backend.get(column, currentKey(), getName());
        return stored == null ? defaultValue : (T) backend.serializer().deserialize(stored);
    }

    /** Stores {@code value}; null clears, as in Flink. */
    @Override
    public void update(T value) {
        if (value == null) {
            clear();
        } else {
            backend.put(column, currentKey(), backend.serializer().serialize(value), getName());
        }
    }
}
