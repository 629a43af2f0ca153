package dev.weir.rocksdb;

import dev.weir.api.common.state.ValueState;
import dev.weir.engine.state.TtlPolicy;

/**
 * A {@link ValueState} in RocksDB: one entry per key and namespace holding the serialized value (a {@code TtlValue}
 * with a time to live, {@code ttl} not null). As in Flink's RocksDB backend, {@link #value()} returns a fresh copy:
 * a change to it is kept only by {@link #update}.
 */
final class RocksDBValueState<N, T> extends AbstractRocksDBState<N> implements ValueState<T> {
    private final T defaultValue;
    private final TtlPolicy ttl;

    RocksDBValueState(RocksDBStateAccess access, WriteBackCache.Column column, String name, T defaultValue, TtlPolicy ttl) {
        super(access, column.handle, name, column);
        this.defaultValue = defaultValue;
        this.ttl = ttl;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T value() {
        Object stored = ttl == null ? read() : readVisible(ttl);
        return stored == null ? defaultValue : (T) stored;
    }

    /** Stores {@code value} (with a fresh time to live); null clears, as in Flink. */
    @Override
    public void update(T value) {
        if (value == null) {
            clear();
        } else {
            write(ttl == null ? value : ttl.wrap(value, ttl.now()));
        }
    }
}
