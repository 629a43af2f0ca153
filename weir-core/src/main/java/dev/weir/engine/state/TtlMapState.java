package dev.weir.engine.state;

import dev.weir.api.common.state.MapState;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link MapState} whose entries expire one by one, each after the time to live since it was put (or last read,
 * by the config), as in Flink. Stored as a {@code HashMap} of {@link TtlValue}s. The views it returns are snapshots
 * of the visible entries; removing through {@link #iterator()} removes from the state.
 */
final class TtlMapState<N, UK, UV> extends AbstractTtlState<N> implements MapState<UK, UV> {
    TtlMapState(StateTable table, TtlPolicy ttl) {
        super(table, ttl);
    }

    @SuppressWarnings("unchecked")
    private HashMap<UK, TtlValue> stored() {
        return (HashMap<UK, TtlValue>) table.get(currentNamespace);
    }

    private HashMap<UK, TtlValue> storedOrCreate() {
        HashMap<UK, TtlValue> map = stored();
        if (map == null) {
            map = new HashMap<>();
            table.put(currentNamespace, map);
        }
        return map;
    }

    /** The visible entry for {@code key} after expiry and refresh, or null; an expired entry is removed. */
    private TtlValue readEntry(HashMap<UK, TtlValue> map, UK key, long now) {
        TtlValue entry = map.get(key);
        if (entry == null) {
            return null;
        }
        if (ttl.isExpired(entry, now)) {
            map.remove(key);
            dropIfEmpty(map);
            return ttl.returnExpired() ? entry : null;
        }
        if (ttl.refreshOnRead()) {
            map.put(key, ttl.wrap(entry.getUserValue(), now));
        }
        return entry;
    }

    private void dropIfEmpty(HashMap<UK, TtlValue> map) {
        if (map.isEmpty()) {
            table.remove(currentNamespace);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public UV get(UK key) {
        HashMap<UK, TtlValue> map = stored();
        TtlValue entry = map == null ? null : readEntry(map, key, ttl.now());
        return entry == null ? null : (UV) entry.getUserValue();
    }

    @Override
    public void put(UK key, UV value) {
        storedOrCreate().put(key, ttl.wrap(value, ttl.now()));
    }

    /** Puts every entry with a fresh time to live; null or an empty map changes nothing. */
    @Override
    public void putAll(Map<UK, UV> entries) {
        if (entries == null || entries.isEmpty()) {
            return;
        }
        HashMap<UK, TtlValue> map = storedOrCreate();
        long now = ttl.now();
        for (Map.Entry<UK, UV> entry : entries.entrySet()) {
            map.put(entry.getKey(), ttl.wrap(entry.getValue(), now));
        }
    }

    @Override
    public void remove(UK key) {
        HashMap<UK, TtlValue> map = stored();
        if (map != null) {
            map.remove(key);
            dropIfEmpty(map);
        }
    }

    @Override
    public boolean contains(UK key) {
        HashMap<UK, TtlValue> map = stored();
        return map != null && readEntry(map, key, ttl.now()) != null;
    }

    /** A snapshot of the visible entries; reading them refreshes or removes them as {@link #get} does. */
    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return visible().entrySet();
    }

    @Override
    public Iterable<UK> keys() {
        return visible().keySet();
    }

    @Override
    public Iterable<UV> values() {
        return visible().values();
    }

    @Override
    public Iterator<Map.Entry<UK, UV>> iterator() {
        Iterator<Map.Entry<UK, UV>> snapshot = visible().entrySet().iterator();
        return new Iterator<>() {
            private Map.Entry<UK, UV> last;

            @Override
            public boolean hasNext() {
                return snapshot.hasNext();
            }

            @Override
            public Map.Entry<UK, UV> next() {
                last = snapshot.next();
                return last;
            }

            @Override
            public void remove() {
                if (last == null) {
                    throw new IllegalStateException("remove() needs a preceding next() on this MapState iterator");
                }
                TtlMapState.this.remove(last.getKey());
                last = null;
            }
        };
    }

    /** Empty when no entry is visible; expired entries are dropped, none is refreshed. */
    @Override
    public boolean isEmpty() {
        HashMap<UK, TtlValue> map = stored();
        if (map == null) {
            return true;
        }
        if (ttl.returnExpired()) {
            return map.isEmpty();
        }
        long now = ttl.now();
        map.values().removeIf(entry -> ttl.isExpired(entry, now));
        dropIfEmpty(map);
        return map.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Map<UK, UV> visible() {
        HashMap<UK, TtlValue> map = stored();
        if (map == null) {
            return Collections.emptyMap();
        }
        long now = ttl.now();
        Map<UK, UV> visible = new LinkedHashMap<>();
        Iterator<Map.Entry<UK, TtlValue>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<UK, TtlValue> entry = it.next();
            TtlValue value = entry.getValue();
            if (ttl.isExpired(value, now)) {
                it.remove();
                if (ttl.returnExpired()) {
                    visible.put(entry.getKey(), (UV) value.getUserValue());
                }
            } else {
                visible.put(entry.getKey(), (UV) value.getUserValue());
                if (ttl.refreshOnRead()) {
                    entry.setValue(ttl.wrap(value.getUserValue(), now));
                }
            }
        }
        dropIfEmpty(map);
        return visible;
    }
}
