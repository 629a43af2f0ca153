package dev.weir.flink.state;

import dev.weir.api.common.state.BroadcastState;
import java.util.Iterator;
import java.util.Map;

/**
 * A Flink broadcast state seen as Weir's. Given Flink's read-only view (in {@code processElement}) the write calls
 * are never reached: Weir's read-only context hands it out as {@code ReadOnlyBroadcastState} only.
 */
public final class FlinkBroadcastState<K, V> implements BroadcastState<K, V> {
    private final org.apache.flink.api.common.state.ReadOnlyBroadcastState<K, V> flink;

    public FlinkBroadcastState(org.apache.flink.api.common.state.ReadOnlyBroadcastState<K, V> flink) {
        this.flink = flink;
    }

    private org.apache.flink.api.common.state.BroadcastState<K, V> writable() {
        return (org.apache.flink.api.common.state.BroadcastState<K, V>) flink;
    }

    @Override
    public V get(K key) throws Exception {
        return flink.get(key);
    }

    @Override
    public boolean contains(K key) throws Exception {
        return flink.contains(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() throws Exception {
        return flink.immutableEntries();
    }

    @Override
    public void put(K key, V value) throws Exception {
        writable().put(key, value);
    }

    @Override
    public void putAll(Map<K, V> map) throws Exception {
        writable().putAll(map);
    }

    @Override
    public void remove(K key) throws Exception {
        writable().remove(key);
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() throws Exception {
        return writable().iterator();
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() throws Exception {
        return writable().entries();
    }

    @Override
    public void clear() {
        flink.clear();
    }
}
