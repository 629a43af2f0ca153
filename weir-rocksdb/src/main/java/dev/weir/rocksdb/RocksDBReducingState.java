package dev.weir.rocksdb;

import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.api.common.state.ReducingState;
import org.rocksdb.ColumnFamilyHandle;

/** A {@link ReducingState} in RocksDB: read, reduce, write back the reduced value. */
final class RocksDBReducingState<N, T> extends AbstractRocksDBState<N> implements ReducingState<T> {
    private final ReduceFunction<T> reduceFunction;

    RocksDBReducingState(RocksDBKeyedStateBackend backend, ColumnFamilyHandle column, String name, ReduceFunction<T> reduceFunction) {
        super(backend, column, name);
        this.reduceFunction = reduceFunction;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get() {
        byte[] stored = backend.get(column, currentKey(), getName());
        return stored == null ? null : (T) backend.serializer().deserialize(stored);
    }

    /** Combines {@code value} into the current value; null clears, as the heap backend does. */
    @Override
    public void add(T value) throws Exception {
        if (value == null) {
            clear();
            return;
        }
        T current = get();
        T reduced = current == null ? value : reduceFunction.reduce(current, value);
        backend.put(column, currentKey(), backend.serializer().serialize(reduced), getName());
    }
}
