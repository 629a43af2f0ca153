package dev.weir.rocksdb;

import dev.weir.engine.time.InternalTimer;

/**
 * A timer held in a key group's head cache: its firing order (timestamp, then registration sequence), its key and
 * namespace decoded, and the bytes that find its entries in RocksDB.
 */
final class CachedTimer implements InternalTimer<Object> {
    final long timestamp;
    final long sequence;
    final Object key;
    final Object namespace;
    /** {@code [key group][key length][key][namespace length][namespace]}, the order entry's value. */
    final byte[] keyAndNamespace;

    CachedTimer(long timestamp, long sequence, Object key, Object namespace, byte[] keyAndNamespace) {
        this.timestamp = timestamp;
        this.sequence = sequence;
        this.key = key;
        this.namespace = namespace;
        this.keyAndNamespace = keyAndNamespace;
    }

    boolean firesBefore(CachedTimer other) {
        return timestamp < other.timestamp || (timestamp == other.timestamp && sequence < other.sequence);
    }

    boolean firesBefore(long otherTimestamp, long otherSequence) {
        return timestamp < otherTimestamp || (timestamp == otherTimestamp && sequence < otherSequence);
    }

    @Override
    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public Object getKey() {
        return key;
    }

    @Override
    public Object getNamespace() {
        return namespace;
    }

    @Override
    public String toString() {
        return "Timer{timestamp=" + timestamp + ", key=" + key + ", namespace=" + namespace + "}";
    }
}
