package dev.weir.engine.state;

import dev.weir.api.common.state.MapState;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A {@link MapState} on the heap without a time to live, stored as a {@code HashMap}. The views it returns are the
 * stored map's own (no copy, as in Flink's heap state): writing through them writes the state.
 */
final class HeapMapState<N, UK, UV> extends AbstractHeapState<N> implements MapState<UK, UV> {
    HeapMapState(StateTable table) {
        super(table);
    }

    @SuppressWarnings("unchecked")
    private HashMap<UK, UV> stored() {
        return (HashMap<UK, UV>) table.get(currentNamespace);
    }

    private HashMap<UK, UV> storedOrCreate() {
        HashMap<UK, UV> map = stored();
        if (map == null) {
            map = new HashMap<>();
            table.put(currentNamespace, map);
        }
        return map;
    }

    @Override
    public UV get(UK key) {
        HashMap<UK, UV> map = stored();
        return map == null ? null : map.get(key);
    }

    @Override
    public void put(UK key, UV value) {
        storedOrCreate().put(key, value);
    }

    /** Puts every entry; null or an empty map changes nothing. */
    @Override
    public void putAll(Map<UK, UV> entries) {
        if (entries == null || entries.isEmpty()) {
            return;
        }
        storedOrCreate().putAll(entries);
    }

    @Override
    public void remove(UK key) {
        HashMap<UK, UV> map = stored();
        if (map == null) {
            return;
        }
        map.remove(key);
        if (map.isEmpty()) {
            table.remove(currentNamespace);
        }
    }

    @Override
    public boolean contains(UK key) {
        HashMap<UK, UV> map = stored();
        return map != null && map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        HashMap<UK, UV> map = stored();
        return map == null ? Collections.emptySet() : map.entrySet();
    }

    @Override
    public Iterable<UK> keys() {
        HashMap<UK, UV> map = stored();
        return map == null ? Collections.emptySet() : map.keySet();
    }

    @Override
    public Iterable<UV> values() {
        HashMap<UK, UV> map = stored();
        return map == null ? Collections.emptyList() : map.values();
    }

    @Override
    public Iterator<Map.Entry<UK, UV>> iterator() {
        return entries().iterator();
    }

    @Override
    public boolean isEmpty() {
        HashMap<UK, UV> map = stored();
        return map == null || map.isEmpty();
    }
}
