package dev.weir.rocksdb;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.state.AggregatingState;
import dev.weir.engine.state.TtlPolicy;

/** An {@link AggregatingState} in RocksDB: stores the serialized accumulator (with a time to live if set). */
final class RocksDBAggregatingState<N, IN, ACC, OUT> extends AbstractRocksDBState<N> implements AggregatingState<IN, OUT> {
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;
    private final TtlPolicy ttl;

    RocksDBAggregatingState(RocksDBStateAccess access, WriteBackCache.Column column, String name,
                            AggregateFunction<IN, ACC, OUT> aggregateFunction, TtlPolicy ttl) {
        super(access, column.handle, name, column);
        this.aggregateFunction = aggregateFunction;
        this.ttl = ttl;
    }

    @Override
    @SuppressWarnings("unchecked")
    public OUT get() {
        ACC accumulator = (ACC) (ttl == null ? read() : readVisible(ttl));
        return accumulator == null ? null : aggregateFunction.getResult(accumulator);
    }

    /** Adds {@code value} to the (unexpired) accumulator, creating it first; null clears, as the heap backend does. */
    @Override
    @SuppressWarnings("unchecked")
    public void add(IN value) {
        if (value == null) {
            clear();
            return;
        }
        ACC accumulator = (ACC) (ttl == null ? read() : readUnexpired(ttl));
        if (accumulator == null) {
            accumulator = aggregateFunction.createAccumulator();
        }
        ACC added = aggregateFunction.add(value, accumulator);
        write(ttl == null ? added : ttl.wrap(added, ttl.now()));
    }
}
