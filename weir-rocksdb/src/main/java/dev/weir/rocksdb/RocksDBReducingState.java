package dev.weir.rocksdb;

import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.api.common.state.ReducingState;
import dev.weir.engine.state.TtlPolicy;

/** A {@link ReducingState} in RocksDB: read, reduce, write back the reduced value (with a time to live if set). */
final class RocksDBReducingState<N, T> extends AbstractRocksDBState<N> implements ReducingState<T> {
    private final ReduceFunction<T> reduceFunction;
    private final TtlPolicy ttl;

    RocksDBReducingState(RocksDBStateAccess access, WriteBackCache.Column column, String name, ReduceFunction<T> reduceFunction,
                         TtlPolicy ttl) {
        super(access, column.handle, name, column);
        this.reduceFunction = reduceFunction;
        this.ttl = ttl;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get() {
        return (T) (ttl == null ? read() : readVisible(ttl));
    }

    /** Combines {@code value} into the (unexpired) current value; null clears, as the heap backend does. */
    @Override
    @SuppressWarnings("unchecked")
    public void add(T value) throws Exception {
        if (value == null) {
            clear();
            return;
        }
        T current = (T) (ttl == null ? read() : readUnexpired(ttl));
        T reduced = current == null ? value : reduceFunction.reduce(current, value);
        write(ttl == null ? reduced : ttl.wrap(reduced, ttl.now()));
    }
}
