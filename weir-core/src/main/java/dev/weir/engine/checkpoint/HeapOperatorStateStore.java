package dev.weir.engine.checkpoint;

import dev.weir.api.common.state.OperatorStateStore;
import dev.weir.api.common.state.BroadcastState;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapStateDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The operator state of one subtask: named lists and broadcast maps held on the heap, snapshotted as copies and
 * restored from the share that {@link OperatorStateRedistribution} gave this subtask.
 */
public final class HeapOperatorStateStore implements OperatorStateStore {
    private final Map<String, OperatorStateSnapshot.Entry> restored;
    private final Map<String, ListBacked<?>> lists = new LinkedHashMap<>();
    private final Map<String, MapBacked<?, ?>> broadcast = new LinkedHashMap<>();

    /** {@code restored} is this subtask's share of the restored state, empty when the job starts fresh. */
    public HeapOperatorStateStore(Map<String, OperatorStateSnapshot.Entry> restored) {
        this.restored = restored;
    }

    @Override
    public <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) {
        return list(descriptor, OperatorStateSnapshot.Mode.EVEN_SPLIT);
    }

    @Override
    public <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) {
        return list(descriptor, OperatorStateSnapshot.Mode.UNION);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
        Objects.requireNonNull(descriptor, "descriptor");
        return (BroadcastState<K, V>) broadcast.computeIfAbsent(descriptor.getName(), name -> {
            MapBacked<K, V> state = new MapBacked<>();
            OperatorStateSnapshot.Entry entry = restored.get(name);
            if (entry != null) {
                for (Object o : entry.values) {
                    Object[] kv = (Object[]) o;
                    state.map.put((K) kv[0], (V) kv[1]);
                }
            }
            return state;
        });
    }

    @SuppressWarnings("unchecked")
    private <S> ListState<S> list(ListStateDescriptor<S> descriptor, OperatorStateSnapshot.Mode mode) {
        Objects.requireNonNull(descriptor, "descriptor");
        ListBacked<S> state = (ListBacked<S>) lists.computeIfAbsent(descriptor.getName(), name -> {
            ListBacked<S> created = new ListBacked<>(mode);
            OperatorStateSnapshot.Entry entry = restored.get(name);
            if (entry != null) {
                created.values.addAll((List<S>) entry.values);
            }
            return created;
        });
        if (state.mode != mode) {
            throw new IllegalStateException("Operator state '" + descriptor.getName() + "' is registered as " + state.mode
                    + " and cannot also be " + mode + ": use one kind of list state per name");
        }
        return state;
    }

    /** Copies every state into the snapshot. */
    public void snapshotInto(OperatorStateSnapshot snapshot) {
        for (Map.Entry<String, ListBacked<?>> e : lists.entrySet()) {
            snapshot.put(e.getKey(), e.getValue().mode, e.getValue().values);
        }
        for (Map.Entry<String, MapBacked<?, ?>> e : broadcast.entrySet()) {
            List<Object> pairs = new ArrayList<>();
            for (Map.Entry<?, ?> kv : e.getValue().map.entrySet()) {
                pairs.add(new Object[] {kv.getKey(), kv.getValue()});
            }
            snapshot.put(e.getKey(), OperatorStateSnapshot.Mode.BROADCAST, pairs);
        }
    }

    private static final class ListBacked<S> implements ListState<S> {
        final OperatorStateSnapshot.Mode mode;
        final ArrayList<S> values = new ArrayList<>();

        ListBacked(OperatorStateSnapshot.Mode mode) {
            this.mode = mode;
        }

        @Override
        public Iterable<S> get() {
            return values;
        }

        @Override
        public void add(S value) {
            values.add(Objects.requireNonNull(value, "operator list state does not take null elements"));
        }

        @Override
        public void update(List<S> newValues) {
            values.clear();
            if (newValues != null) {
                addAll(newValues);
            }
        }

        @Override
        public void addAll(List<S> newValues) {
            for (S v : newValues) {
                add(v);
            }
        }

        @Override
        public void clear() {
            values.clear();
        }
    }

    private static final class MapBacked<K, V> implements BroadcastState<K, V> {
        final HashMap<K, V> map = new HashMap<>();

        @Override
        public V get(K key) {
            return map.get(key);
        }

        @Override
        public boolean contains(K key) {
            return map.containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<K, V>> immutableEntries() {
            return java.util.Collections.unmodifiableMap(map).entrySet();
        }

        @Override
        public void put(K key, V value) {
            map.put(key, value);
        }

        @Override
        public void putAll(Map<K, V> entries) {
            map.putAll(entries);
        }

        @Override
        public void remove(K key) {
            map.remove(key);
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            return map.entrySet().iterator();
        }

        @Override
        public Iterable<Map.Entry<K, V>> entries() {
            return map.entrySet();
        }

        @Override
        public void clear() {
            map.clear();
        }
    }
}
