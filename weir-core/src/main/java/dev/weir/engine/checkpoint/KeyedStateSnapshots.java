package dev.weir.engine.checkpoint;

import dev.weir.engine.state.CheckpointableKeyedStateBackend;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.engine.state.TtlValue;
import dev.weir.engine.state.UnserializableStateAdvice;
import dev.weir.engine.time.CheckpointableTimerServices;
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

    public static KeyGroupSnapshot[] snapshot(CheckpointableKeyedStateBackend backend, CheckpointableTimerServices timers) throws Exception {
        return snapshot(backend, timers, true);
    }

    /**
     * The key groups' snapshot; without {@code withBackendEntries} only the state operators keep themselves and the
     * timers, for a backend that snapshots its own entries into files ({@link FileSnapshottingBackend}), and not even
     * the timers when those files hold them ({@link CheckpointableTimerServices#storedInBackendFiles()}).
     */
    public static KeyGroupSnapshot[] snapshot(CheckpointableKeyedStateBackend backend, CheckpointableTimerServices timers,
                                              boolean withBackendEntries) throws Exception {
        KeyGroupRange range = backend.getKeyGroupRange();
        KeyGroupSnapshot[] groups = new KeyGroupSnapshot[range.size()];
        int first = range.getStartKeyGroup();
        boolean detached = backend.visitsDetachedValues();
        for (int i = 0; i < groups.length; i++) {
            KeyGroupSnapshot group = new KeyGroupSnapshot(first + i);
            groups[i] = group;
            int keyGroup = first + i;
            if (!withBackendEntries) {
                continue;
            }
            backend.forEachEntry(keyGroup, (state, key, namespace, value) ->
                    group.states.add(new KeyGroupSnapshot.StateEntry(state, key, namespace,
                            detached ? value : copyForSnapshot(state, keyGroup, key, value))));
        }
        backend.forEachOwnedEntry((state, keyGroup, key, namespace, value) ->
                groups[keyGroup - first].states.add(new KeyGroupSnapshot.StateEntry(state, key, namespace,
                        copyForSnapshot(state, keyGroup, key, value))));
        if (timers != null && (withBackendEntries || !timers.storedInBackendFiles())) {
            int maxParallelism = backend.getMaxParallelism();
            timers.forEachTimer((service, eventTime, key, namespace, timestamp) -> {
                int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
                groups[keyGroup - first].timers.add(new KeyGroupSnapshot.TimerEntry(service, eventTime, key, namespace, timestamp));
            });
        }
        return groups;
    }

    /** Puts one key group's state and timers back; the key group must be in the backend's range. */
    public static void restore(KeyGroupSnapshot group, CheckpointableKeyedStateBackend backend, CheckpointableTimerServices timers)
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

    /** {@link #copyStructure}, or a failure that names the state, the key group and the key, and says what to do. */
    private static Object copyForSnapshot(String state, int keyGroup, Object key, Object value) {
        try {
            return copyStructure(value);
        } catch (RuntimeException | StackOverflowError e) {
            Object shown = value instanceof TtlValue ttl ? ttl.getUserValue() : value;
            throw new IllegalStateException("the value of state '" + state + "' for key '" + key + "' (key group " + keyGroup
                    + ") cannot be serialized for the checkpoint: " + (shown == null ? "null" : shown.getClass().getName())
                    + " holds something no serializer can write (" + rootMessage(e) + "). Keep only data in state: "
                    + UnserializableStateAdvice.RESOURCE_FIELD_FIX + ", or store what is needed to rebuild it", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message != null && message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
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
