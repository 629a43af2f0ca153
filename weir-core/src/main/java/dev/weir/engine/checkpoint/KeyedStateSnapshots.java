package dev.weir.engine.checkpoint;

import dev.weir.engine.state.CheckpointableKeyedStateBackend;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.engine.time.HeapTimerServices;
import dev.weir.engine.checkpoint.storage.StateSerializer;
import dev.weir.engine.checkpoint.storage.StateSerializers;

/**
 * Takes and restores the keyed state and timers of one operator subtask, key group by key group. The snapshot is a
 * deep copy made on the task thread, so the slow part (serialization and I/O) can run on another thread while the
 * task goes on. Values must be copied, not shared: operators and user functions change state objects in place
 * (window slices, aggregate accumulators, a POJO updated with its own reference), and a shared value would reach the
 * checkpoint with changes made after its barrier. Immutable values (strings, boxed numbers) are shared, and so are
 * values a backend reads fresh from its storage ({@link CheckpointableKeyedStateBackend#visitsDetachedValues()}).
 */
public final class KeyedStateSnapshots {
    private static final ThreadLocal<StateSerializer> COPIER = ThreadLocal.withInitial(StateSerializers::create);

    private KeyedStateSnapshots() {
    }

    public static KeyGroupSnapshot[] snapshot(CheckpointableKeyedStateBackend backend, HeapTimerServices timers) throws Exception {
        KeyGroupRange range = backend.getKeyGroupRange();
        KeyGroupSnapshot[] groups = new KeyGroupSnapshot[range.size()];
        int first = range.getStartKeyGroup();
        boolean detached = backend.visitsDetachedValues();
        for (int i = 0; i < groups.length; i++) {
            KeyGroupSnapshot group = new KeyGroupSnapshot(first + i);
            groups[i] = group;
            backend.forEachEntry(first + i, (state, key, namespace, value) ->
                    group.states.add(new KeyGroupSnapshot.StateEntry(state, key, namespace, detached ? value : copyStructure(value))));
        }
        backend.forEachOwnedEntry((state, keyGroup, key, namespace, value) ->
                groups[keyGroup - first].states.add(new KeyGroupSnapshot.StateEntry(state, key, namespace, copyStructure(value))));
        if (timers != null) {
            int maxParallelism = backend.getMaxParallelism();
            timers.forEachTimer((service, eventTime, key, namespace, timestamp) -> {
                int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
                groups[keyGroup - first].timers.add(new KeyGroupSnapshot.TimerEntry(service, eventTime, key, namespace, timestamp));
            });
        }
        return groups;
    }

    /** Puts one key group's state and timers back; the key group must be in the backend's range. */
    public static void restore(KeyGroupSnapshot group, CheckpointableKeyedStateBackend backend, HeapTimerServices timers)
            throws Exception {
        for (KeyGroupSnapshot.StateEntry e : group.states) {
            backend.restoreEntry(e.state, group.keyGroup, e.key, e.namespace, e.value);
        }
        if (timers != null) {
            for (KeyGroupSnapshot.TimerEntry t : group.timers) {
                timers.restoreTimer(t.service, t.eventTime, t.key, t.namespace, t.timestamp);
            }
        }
    }

    private static Object copyStructure(Object value) {
        if (value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Double
                || value instanceof Boolean || value instanceof Enum<?>) {
            return value;
        }
        try {
            return COPIER.get().copy(value);
        } catch (RuntimeException | StackOverflowError e) {
            // Fory's copy refuses some shapes; a round trip through bytes copies anything it can serialize.
            return COPIER.get().deserialize(COPIER.get().serialize(value));
        }
    }
}
