package dev.weir.rocksdb;

import dev.weir.api.common.state.AggregatingStateDescriptor;
import dev.weir.api.common.state.ReducingStateDescriptor;
import dev.weir.api.common.state.StateDescriptor;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.engine.state.TtlPolicy;
import java.util.function.LongSupplier;
import org.rocksdb.ColumnFamilyHandle;

/** Creates the RocksDB state object for each kind of state descriptor (value, list, map, reducing, aggregating). */
final class RocksDBStateKinds {
    private RocksDBStateKinds() {
    }

    /**
     * The state object of {@code descriptor}'s kind over its column ({@code cached}), with TTL when the descriptor
     * enables it.
     */
    static Object create(StateDescriptor<?> descriptor, WriteBackCache.Column cached, RocksDBStateAccess access,
            LongSupplier processingClock) {
        ColumnFamilyHandle handle = cached.handle;
        String name = descriptor.getName();
        TtlPolicy ttl = descriptor.getTtlConfig().isEnabled() ? new TtlPolicy(descriptor.getTtlConfig(), processingClock) : null;
        switch (descriptor.getType()) {
            case VALUE:
                return new RocksDBValueState<>(access, cached, name, ((ValueStateDescriptor<?>) descriptor).getDefaultValue(), ttl);
            case LIST:
                return ttl == null ? new RocksDBListState<>(access, handle, name) : new RocksDBTtlListState<>(access, handle, name, ttl);
            case MAP:
                return ttl == null ? new RocksDBMapState<>(access, handle, name) : new RocksDBTtlMapState<>(access, handle, name, ttl);
            case REDUCING:
                return new RocksDBReducingState<>(access, cached, name, ((ReducingStateDescriptor<Object>) cast(descriptor)).getReduceFunction(),
                        ttl);
            case AGGREGATING:
                return new RocksDBAggregatingState<>(access, cached, name,
                        ((AggregatingStateDescriptor<Object, Object, Object>) cast(descriptor)).getAggregateFunction(), ttl);
            default:
                throw new IllegalArgumentException("unsupported state kind " + descriptor.getType() + " of " + descriptor);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> T cast(StateDescriptor descriptor) {
        return (T) descriptor;
    }
}
