package dev.weir.rocksdb;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.state.AggregatingState;
import org.rocksdb.ColumnFamilyHandle;

/** An {@link AggregatingState} in RocksDB: stores the serialized accumulator. */
final class RocksDBAggregatingState<N, IN, ACC, OUT> extends AbstractRocksDBState<N> implements AggregatingState<IN, OUT> {
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    RocksDBAggregatingState(RocksDBKeyedStateBackend backend, ColumnFamilyHandle column, String name,
                            AggregateFunction<IN, ACC, OUT> aggregateFunction) {
        super(backend, column, name);
        this.aggregateFunction = aggregateFunction;
    }

    @SuppressWarnings("unchecked")
    private ACC accumulator() {
        byte[] stored = backend.get(column, currentKey(), getName());
        return stored == null ? null : (ACC) backend.serializer().deserialize(stored);
    }

    @Override
    public OUT get() {
        ACC accumulator = accumulator();
        return accumulator == null ? null : aggregateFunction.getResult(accumulator);
    }

    /** Adds {@code value} to the accumulator, creating it first; null clears, as the heap backend does. */
    @Override
    public void add(IN value) {
        if (value == null) {
            clear();
            return;
        }
        ACC accumulator = accumulator();
        if (accumulator == null) {
            accumulator = aggregateFunction.createAccumulator();
        }
        backend.put(column, currentKey(), backend.serializer().serialize(aggregateFunction.add(value, accumulator)), getName());
    }
}
