package dev.weir.rocksdb;

import dev.weir.engine.state.InternalKvState;
import dev.weir.engine.state.VoidNamespace;
import java.util.Objects;
import org.rocksdb.ColumnFamilyHandle;

/** What every RocksDB state shares: its column family, its current namespace, and the current key's RocksDB key. */
abstract class AbstractRocksDBState<N> implements InternalKvState<N> {
    final RocksDBKeyedStateBackend backend;
    final ColumnFamilyHandle column;
    private final String name;
    N currentNamespace;

    @SuppressWarnings("unchecked")
    AbstractRocksDBState(RocksDBKeyedStateBackend backend, ColumnFamilyHandle column, String name) {
        this.backend = backend;
        this.column = column;
        this.name = name;
        this.currentNamespace = (N) VoidNamespace.INSTANCE;
    }

    @Override
    public final void setCurrentNamespace(N namespace) {
        currentNamespace = Objects.requireNonNull(namespace, "namespace");
    }

    @Override
    public final N getCurrentNamespace() {
        return currentNamespace;
    }

    @Override
    public final String getName() {
        return name;
    }

    /** The RocksDB key of the current key in the current namespace. */
    final byte[] currentKey() {
        return backend.currentKeyAndNamespace(name, currentNamespace);
    }

    /** Removes the value of the current key in the current namespace. */
    public void clear() {
        backend.delete(column, currentKey(), name);
    }
}
