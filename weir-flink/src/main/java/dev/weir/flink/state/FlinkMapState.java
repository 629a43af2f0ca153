package dev.weir.flink.state;

import dev.weir.api.common.state.MapState;
import java.util.Iterator;
import java.util.Map;

/** A Flink map state seen as Weir's. */
final class FlinkMapState<K, V> implements MapState<K, V> {
    private final org.apache.flink.api.common.state.MapState<K, V> flink;

    FlinkMapState(org.apache.flink.api.common.state.MapState<K, V> flink) {
        this.flink = flink;
    }

    @Override
    public V get(K key) throws Exception {
        return flink.get(key);
    }

    @Override
    public void put(K key, V value) throws Exception {
        flink.put(key, value);
    }

    @Override
    public void putAll(Map<K, V> map) throws Exception {
        flink.putAll(map);
    }

    @Override
    public void remove(K key) throws Exception {
        flink.remove(key);
    }

    @Override
    public boolean contains(K key) throws Exception {
        return flink.contains(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() throws Exception {
        return flink.entries();
    }

    @Override
    public Iterable<K> keys() throws Exception {
        return flink.keys();
    }

    @Override
    public Iterable<V> values() throws Exception {
        return flink.values();
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() throws Exception {
        return flink.iterator();
    }

    @Override
    public boolean isEmpty() throws Exception {
        return flink.isEmpty();
    }

    @Override
    public void clear() {
        flink.clear();
    }
}
