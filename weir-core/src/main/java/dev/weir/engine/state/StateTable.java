package dev.weir.engine.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The values of one named state, organised key group, then namespace, then key ({@link StateMap}). State scoped to
 * a key only ({@link VoidNamespace}, the common case) has its own map per key group, so a lookup is one probe; a
 * windowed namespace takes one more, in a per-key-group {@code HashMap} of namespaces. A lookup for an existing
 * value allocates nothing; the key group of the current key comes from the backend.
 */
final class StateTable {
    private final String name;
    private final HeapKeyedStateBackend backend;
    /** Index: key group - first key group; created lazily. */
    private final StateMap[] keyOnly;
    /** Index: key group - first key group; created lazily, namespace other than VoidNamespace -> its map. */
    private final HashMap<Object, StateMap>[] namespaced;

    @SuppressWarnings("unchecked")
    StateTable(String name, HeapKeyedStateBackend backend, KeyGroupRange range) {
        this.name = name;
        this.backend = backend;
        int groups = Math.max(range.size(), 0);
        this.keyOnly = new StateMap[groups];
        this.namespaced = new HashMap[groups];
    }

    String name() {
        return name;
    }

    /** The stored value of the current key in {@code namespace}, or null. */
    Object get(Object namespace) {
        Object key = backend.requireCurrentKey(name);
        StateMap map = map(backend.currentKeyGroupIndex(), namespace);
        return map == null ? null : map.get(key);
    }

    void put(Object namespace, Object value) {
        Object key = backend.requireCurrentKey(name);
        put(backend.currentKeyGroupIndex(), key, namespace, value);
    }

    /** Removes the current key's value in {@code namespace}, dropping emptied maps so cleared windows leave nothing. */
    void remove(Object namespace) {
        Object key = backend.requireCurrentKey(name);
        int index = backend.currentKeyGroupIndex();
        StateMap map = map(index, namespace);
        if (map == null) {
            return;
        }
        map.remove(key);
        if (map.isEmpty() && !(namespace instanceof VoidNamespace)) {
            namespaced[index].remove(namespace);
        }
    }

    void put(int keyGroupIndex, Object key, Object namespace, Object value) {
        StateMap map;
        if (namespace instanceof VoidNamespace) {
            map = keyOnly[keyGroupIndex];
            if (map == null) {
                map = new StateMap();
                keyOnly[keyGroupIndex] = map;
            }
        } else {
            HashMap<Object, StateMap> byNamespace = namespaced[keyGroupIndex];
            if (byNamespace == null) {
                byNamespace = new HashMap<>();
                namespaced[keyGroupIndex] = byNamespace;
            }
            map = byNamespace.computeIfAbsent(namespace, n -> new StateMap());
        }
        map.put(key, value);
    }

    private StateMap map(int keyGroupIndex, Object namespace) {
        if (namespace instanceof VoidNamespace) {
            return keyOnly[keyGroupIndex];
        }
        HashMap<Object, StateMap> byNamespace = namespaced[keyGroupIndex];
        return byNamespace == null ? null : byNamespace.get(namespace);
    }

    /** Keys with a non-empty value in {@code namespace}, across all key groups. */
    Stream<Object> keys(Object namespace) {
        List<Object> keys = new ArrayList<>();
        for (int g = 0; g < keyOnly.length; g++) {
            StateMap map = map(g, namespace);
            if (map != null) {
                for (int i = 0, n = map.capacity(); i < n; i++) {
                    if (map.keyAt(i) != null && hasValue(map.valueAt(i))) {
                        keys.add(map.keyAt(i));
                    }
                }
            }
        }
        return keys.stream();
    }

    void forEachEntry(int keyGroupIndex, StateEntryVisitor visitor) throws Exception {
        visit(keyOnly[keyGroupIndex], VoidNamespace.INSTANCE, visitor);
        HashMap<Object, StateMap> byNamespace = namespaced[keyGroupIndex];
        if (byNamespace != null) {
            for (Map.Entry<Object, StateMap> e : byNamespace.entrySet()) {
                visit(e.getValue(), e.getKey(), visitor);
            }
        }
    }

    private void visit(StateMap map, Object namespace, StateEntryVisitor visitor) throws Exception {
        if (map == null) {
            return;
        }
        for (int i = 0, n = map.capacity(); i < n; i++) {
            Object key = map.keyAt(i);
            if (key != null && hasValue(map.valueAt(i))) {
                visitor.visit(name, key, namespace, map.valueAt(i));
            }
        }
    }

    /** A list or map state whose last element was removed through an iterator holds an empty collection: no value. */
    private static boolean hasValue(Object stored) {
        if (stored instanceof Collection) {
            return !((Collection<?>) stored).isEmpty();
        }
        if (stored instanceof Map) {
            return !((Map<?, ?>) stored).isEmpty();
        }
        return stored != null;
    }
}
