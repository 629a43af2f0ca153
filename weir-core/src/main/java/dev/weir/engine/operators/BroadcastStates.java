package dev.weir.engine.operators;

import dev.weir.api.common.state.BroadcastState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ReadOnlyBroadcastState;
import dev.weir.engine.checkpoint.HeapOperatorStateStore;
import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.checkpoint.StateInitialization;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The broadcast states of one broadcast operator subtask: only the maps declared in {@code broadcast(...)}, writable
 * for the broadcast side and read-only for the other. They are snapshotted as BROADCAST operator state, so every
 * subtask of any parallelism restores one full copy.
 */
final class BroadcastStates {
    private final Map<String, MapStateDescriptor<?, ?>> declared = new HashMap<>();
    private final Map<String, ReadOnlyView<?, ?>> readOnly = new HashMap<>();
    private final String operator;
    private HeapOperatorStateStore store;

    BroadcastStates(List<MapStateDescriptor<?, ?>> descriptors, String operator) {
        for (MapStateDescriptor<?, ?> d : descriptors) {
            declared.put(d.getName(), d);
        }
        this.operator = operator;
    }

    void initialize(StateInitialization initialization) {
        store = new HeapOperatorStateStore(initialization.operatorState());
        for (MapStateDescriptor<?, ?> d : declared.values()) {
            // Registers every declared state, so each is restored and snapshotted even before first use.
            store.getBroadcastState(d);
        }
    }

    void snapshotInto(OperatorStateSnapshot snapshot) {
        store.snapshotInto(snapshot);
    }

    <K, V> BroadcastState<K, V> writable(MapStateDescriptor<K, V> descriptor) {
        check(descriptor);
        return store.getBroadcastState(descriptor);
    }

    @SuppressWarnings("unchecked")
    <K, V> ReadOnlyBroadcastState<K, V> readOnly(MapStateDescriptor<K, V> descriptor) {
        check(descriptor);
        return (ReadOnlyBroadcastState<K, V>) readOnly.computeIfAbsent(descriptor.getName(),
                name -> new ReadOnlyView<>(store.getBroadcastState(descriptor)));
    }

    private void check(MapStateDescriptor<?, ?> descriptor) {
        if (descriptor == null || !declared.containsKey(descriptor.getName())) {
            throw new IllegalArgumentException(operator + " asked for broadcast state '"
                    + (descriptor == null ? null : descriptor.getName()) + "', which was not declared: pass its descriptor to "
                    + "broadcast(...); declared are " + declared.keySet());
        }
    }

    /** A read-only face of a broadcast map, so the non-broadcast side cannot cast its way to writing. */
    private static final class ReadOnlyView<K, V> implements ReadOnlyBroadcastState<K, V> {
        private final BroadcastState<K, V> state;

        ReadOnlyView(BroadcastState<K, V> state) {
            this.state = state;
        }

        @Override
        public V get(K key) throws Exception {
            return state.get(key);
        }

        @Override
        public boolean contains(K key) throws Exception {
            return state.contains(key);
        }

        @Override
        public Iterable<Map.Entry<K, V>> immutableEntries() throws Exception {
            return state.immutableEntries();
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException("the broadcast state is read-only in processElement: change it in "
                    + "processBroadcastElement");
        }
    }
}
