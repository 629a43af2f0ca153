package dev.weir.rocksdb;

import dev.weir.engine.state.InternalKvState;
import dev.weir.engine.state.TtlPolicy;
import dev.weir.engine.state.TtlValue;
import dev.weir.engine.state.VoidNamespace;
import java.util.Objects;
import org.rocksdb.ColumnFamilyHandle;

/**
 * What every RocksDB state shares: its column family, its current namespace, and the current key's RocksDB key. A
 * state of one entry per key and namespace (value, reducing, aggregating) reads and writes through the backend's
 * {@link WriteBackCache}; list and map states, which RocksDB merges and iterates, go to RocksDB directly.
 */
abstract class AbstractRocksDBState<N> implements InternalKvState<N> {
    final RocksDBStateAccess access;
    final ColumnFamilyHandle column;
    private final String name;
    /** This state's column in the write-back cache, or null when it bypasses the cache. */
    private final WriteBackCache.Column cached;
    N currentNamespace;

    AbstractRocksDBState(RocksDBStateAccess access, ColumnFamilyHandle column, String name) {
        this(access, column, name, null);
    }

    @SuppressWarnings("unchecked")
    AbstractRocksDBState(RocksDBStateAccess access, ColumnFamilyHandle column, String name, WriteBackCache.Column cached) {
        this.access = access;
        this.column = column;
        this.name = name;
        this.cached = cached;
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
        return access.currentKeyAndNamespace(name, currentNamespace);
    }

    /** The stored value of the current key in the current namespace, decoded, or null. */
    final Object read() {
        if (cached != null) {
            return access.cache().read(cached, currentKey(), access.serializer(), name);
        }
        byte[] stored = access.get(column, currentKey(), name);
        return stored == null ? null : access.serializer().deserialize(stored);
    }

    final void write(Object value) {
        byte[] bytes = access.valueBytes(value, name);
        if (cached != null) {
            access.cache().put(cached, currentKey(), bytes);
        } else {
            access.put(column, currentKey(), bytes, name);
        }
    }

    /**
     * With a time to live (values stored as {@link TtlValue}s): the value as the user may see it, as on the heap:
     * null when absent or expired and not visible; an expired value is removed, a visible one refreshed when the TTL
     * is updated on read.
     */
    final Object readVisible(TtlPolicy ttl) {
        TtlValue stored = (TtlValue) read();
        if (stored == null) {
            return null;
        }
        long now = ttl.now();
        if (ttl.isExpired(stored, now)) {
            clear();
            return ttl.returnExpired() ? stored.getUserValue() : null;
        }
        if (ttl.refreshOnRead()) {
            write(ttl.wrap(stored.getUserValue(), now));
        }
        return stored.getUserValue();
    }

    /** With a time to live: the value if not expired, for read-modify-write (an expired value is never merged into). */
    final Object readUnexpired(TtlPolicy ttl) {
        TtlValue stored = (TtlValue) read();
        return stored == null || ttl.isExpired(stored, ttl.now()) ? null : stored.getUserValue();
    }

    /** Removes the value of the current key in the current namespace. */
    public void clear() {
        if (cached != null) {
            access.cache().put(cached, currentKey(), null);
        } else {
            access.delete(column, currentKey(), name);
        }
    }
}
