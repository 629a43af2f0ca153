package dev.weir.runtime.state;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The values of one named state, organised key group, then namespace, then key. A lookup for an existing value is
 * two hash probes and allocates nothing; the key group of the current key comes from the backend.
 */
final class StateTable {
    private final String name;
    private final HeapKeyedStateBackend backend;
    private final int firstKeyGroup;
    /** Index: key group - firstKeyGroup; created lazily, namespace -> key -> stored value. */
    private final HashMap<Object, HashMap<Object, Object>>[] keyGroups;

    @SuppressWarnings("unchecked")
    StateTable(String name, HeapKeyedStateBackend backend, KeyGroupRange range) {
        this.name = name;
        this.backend = backend;
        this.firstKeyGroup = range.getStartKeyGroup();
        this.keyGroups = new HashMap[Math.max(range.size(), 0)];
    }

    String name() {
        return name;
    }

    /** The stored value of the current key in {@code namespace}, or null. */
    Object get(Object namespace) {
        Object key = backend.requireCurrentKey(name);
        HashMap<Object, HashMap<Object, Object>> namespaces = keyGroups[backend.currentKeyGroupIndex()];
        if (namespaces == null) {
            return null;
        }
        HashMap<Object, Object> keys = namespaces.get(namespace);
        return keys == null ? null : keys.get(key);
    }

    void put(Object namespace, Object value) {
        Object key = backend.requireCurrentKey(name);
        put(backend.currentKeyGroupIndex(), key, namespace, value);
    }

    /** Removes the current key's value in {@code namespace}, dropping emptied maps so cleared windows leave nothing. */
    void remove(Object namespace) {
        Object key = backend.requireCurrentKey(name);
        int index = backend.currentKeyGroupIndex();
        HashMap<Object, HashMap<Object, Object>> namespaces = keyGroups[index];
        if (namespaces == null) {
            return;
        }
        HashMap<Object, Object> keys = namespaces.get(namespace);
        if (keys == null) {
            return;
        }
        keys.remove(key);
        if (keys.isEmpty()) {
            namespaces.remove(namespace);
        }
    }

    void put(int keyGroupIndex, Object key, Object namespace, Object value) {
        HashMap<Object, HashMap<Object, Object>> namespaces = keyGroups[keyGroupIndex];
        if (namespaces == null) {
            namespaces = new HashMap<>();
            keyGroups[keyGroupIndex] = namespaces;
        }
        HashMap<Object, Object> keys = namespaces.get(namespace);
        if (keys == null) {
            keys = new HashMap<>();
            namespaces.put(namespace, keys);
        }
        keys.put(key, value);
    }

    /** Keys with a non-empty value in {@code namespace}, across all key groups. */
    Stream<Object> keys(Object namespace) {
        return Stream.of(keyGroups)
                .filter(Objects::nonNull)
                .map(namespaces -> namespaces.get(namespace))
                .filter(Objects::nonNull)
                .flatMap(keys -> keys.entrySet().stream())
                .filter(entry -> hasValue(entry.getValue()))
                .map(Map.Entry::getKey);
    }

    void forEachEntry(int keyGroupIndex, StateEntryVisitor visitor) throws Exception {
        HashMap<Object, HashMap<Object, Object>> namespaces = keyGroups[keyGroupIndex];
        if (namespaces == null) {
            return;
        }
        for (Map.Entry<Object, HashMap<Object, Object>> byNamespace : namespaces.entrySet()) {
            for (Map.Entry<Object, Object> byKey : byNamespace.getValue().entrySet()) {
                if (hasValue(byKey.getValue())) {
                    visitor.visit(name, byKey.getKey(), byNamespace.getKey(), byKey.getValue());
                }
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
