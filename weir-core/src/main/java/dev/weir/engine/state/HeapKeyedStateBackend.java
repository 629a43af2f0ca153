package dev.weir.engine.state;

import dev.weir.api.common.state.AggregatingStateDescriptor;
import dev.weir.api.common.state.ReducingStateDescriptor;
import dev.weir.api.common.state.State;
import dev.weir.api.common.state.StateDescriptor;
import dev.weir.api.common.state.StateTtlConfig;
import dev.weir.api.common.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Keyed state on the Java heap: per key group, per state, per namespace, per key. Values live as plain objects (no
 * serialization); reading or overwriting an existing key's value allocates nothing. States with a time to live
 * read {@code processingClock}. Used by the task's thread only.
 *
 * <p>For snapshots, {@link #forEachEntry} visits a key group's entries in their stored form and
 * {@link #restoreEntry} puts such entries back: a value state stores the value, a list state an {@code ArrayList}
 * of elements, a map state a {@code HashMap}, a reducing state the reduced value, an aggregating state the
 * accumulator; with a time to live, each value (each list element, each map value) is a {@link TtlValue}.
 */
public final class HeapKeyedStateBackend implements CheckpointableKeyedStateBackend {
    private final int maxParallelism;
    private final KeyGroupRange keyGroupRange;
    private final LongSupplier processingClock;
    /** By state name in registration order, so snapshots visit states in a stable order. */
    private final Map<String, StateTable> tables = new LinkedHashMap<>();
    private final Map<String, Registered> states = new HashMap<>();
    private final Map<String, OwnedKeyedState> owned = new LinkedHashMap<>();

    private Object currentKey;
    private int currentKeyGroup = -1;
    private int currentKeyGroupIndex = -1;

    public HeapKeyedStateBackend(int maxParallelism, KeyGroupRange range, LongSupplier processingClock) {
        if (maxParallelism < 1 || maxParallelism > KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM) {
            throw new IllegalArgumentException("max parallelism must be in 1.."
                    + KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM + ", was " + maxParallelism);
        }
        this.keyGroupRange = Objects.requireNonNull(range, "range");
        if (!range.isEmpty() && range.getEndKeyGroup() >= maxParallelism) {
            throw new IllegalArgumentException(range + " reaches past the last key group " + (maxParallelism - 1)
                    + " of max parallelism " + maxParallelism);
        }
        this.maxParallelism = maxParallelism;
        this.processingClock = Objects.requireNonNull(processingClock, "processingClock");
    }

    /**
     * Scopes state to {@code key}, computing its key group once.
     *
     * @throws IllegalArgumentException if the key's key group is not owned by this backend
     */
    @Override
    public void setCurrentKey(Object key) {
        if (key == currentKey && key != null) {
            return;
        }
        setCurrentKey(key, KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism));
    }

    /** Scopes state to {@code key} of {@code keyGroup}, computed by the caller; see {@link #setCurrentKey(Object)}. */
    @Override
    public void setCurrentKey(Object key, int keyGroup) {
        if (key == currentKey && key != null) {
            return;
        }
        keyGroupRange.requireContains(key, keyGroup, maxParallelism);
        currentKey = key;
        currentKeyGroup = keyGroup;
        currentKeyGroupIndex = keyGroup - keyGroupRange.getStartKeyGroup();
    }

    @Override
    public Object getCurrentKey() {
        return currentKey;
    }

    @Override
    public int getCurrentKeyGroup() {
        return currentKeyGroup;
    }

    @Override
    public int getMaxParallelism() {
        return maxParallelism;
    }

    @Override
    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State> S getOrCreateState(StateDescriptor<?> descriptor) {
        Objects.requireNonNull(descriptor, "descriptor");
        String name = descriptor.getName();
        Registered existing = states.get(name);
        if (existing != null) {
            if (existing.type != descriptor.getType()) {
                throw new IllegalStateException("state '" + name + "' is already registered as " + existing.type
                        + " state and cannot also be " + descriptor.getType() + " state (" + descriptor
                        + "): give each state descriptor of an operator its own name");
            }
            return (S) existing.state;
        }
        StateTable table = tables.computeIfAbsent(name, n -> new StateTable(n, this, keyGroupRange));
        checkRestoredValuesFit(descriptor, table);
        AbstractHeapState<?> state = createState(descriptor, table);
        states.put(name, new Registered(descriptor.getType(), state));
        return (S) state;
    }

    /** Refuses restored values of a value state that are not of the class its descriptor now declares: {@link RestoredValueClass}. */
    private void checkRestoredValuesFit(StateDescriptor<?> descriptor, StateTable table) {
        Class<?> declared = RestoredValueClass.declared(descriptor);
        if (declared == null) {
            return;
        }
        Object[] misfit = new Object[1];
        try {
            for (int i = 0; i < keyGroupRange.size() && misfit[0] == null; i++) {
                table.forEachEntry(i, (state, key, namespace, stored) -> {
                    if (misfit[0] == null && !RestoredValueClass.fits(declared, stored)) {
                        misfit[0] = stored;
                    }
                });
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot check the restored values of state '" + descriptor.getName() + "': " + e, e);
        }
        if (misfit[0] != null) {
            throw RestoredValueClass.incompatible(descriptor.getName(), misfit[0], declared);
        }
    }

    private AbstractHeapState<?> createState(StateDescriptor<?> descriptor, StateTable table) {
        StateTtlConfig ttlConfig = descriptor.getTtlConfig();
        TtlPolicy ttl = ttlConfig.isEnabled() ? new TtlPolicy(ttlConfig, processingClock) : null;
        switch (descriptor.getType()) {
            case VALUE: {
                Object defaultValue = ((ValueStateDescriptor<?>) descriptor).getDefaultValue();
                return ttl == null ? new HeapValueState<>(table, defaultValue) : new TtlValueState<>(table, ttl, defaultValue);
            }
            case LIST:
                return ttl == null ? new HeapListState<>(table) : new TtlListState<>(table, ttl);
            case MAP:
                return ttl == null ? new HeapMapState<>(table) : new TtlMapState<>(table, ttl);
            case REDUCING: {
                ReducingStateDescriptor<Object> reducing = castReducing(descriptor);
                return ttl == null
                        ? new HeapReducingState<>(table, reducing.getReduceFunction())
                        : new TtlReducingState<>(table, ttl, reducing.getReduceFunction());
            }
            case AGGREGATING: {
                AggregatingStateDescriptor<Object, Object, Object> aggregating = castAggregating(descriptor);
                return ttl == null
                        ? new HeapAggregatingState<>(table, aggregating.getAggregateFunction())
                        : new TtlAggregatingState<>(table, ttl, aggregating.getAggregateFunction());
            }
            default:
                throw new IllegalArgumentException("unsupported state kind " + descriptor.getType() + " of " + descriptor);
        }
    }

    @SuppressWarnings("unchecked")
    private static ReducingStateDescriptor<Object> castReducing(StateDescriptor<?> descriptor) {
        return (ReducingStateDescriptor<Object>) descriptor;
    }

    @SuppressWarnings("unchecked")
    private static AggregatingStateDescriptor<Object, Object, Object> castAggregating(StateDescriptor<?> descriptor) {
        return (AggregatingStateDescriptor<Object, Object, Object>) descriptor;
    }

    /**
     * Keys with a value in the named state and namespace; empty for a state never created or restored. Values past
     * their time to live count until an access removes them.
     */
    @Override
    public Stream<Object> getKeys(String stateName, Object namespace) {
        StateTable table = tables.get(stateName);
        return table == null ? Stream.empty() : table.keys(namespace);
    }

    @Override
    public void adopt(String stateName, OwnedKeyedState state, StateEntryVisitor restored) throws Exception {
        Objects.requireNonNull(state, "state");
        if (states.containsKey(stateName) || owned.containsKey(stateName)) {
            throw new IllegalStateException("state '" + stateName + "' is already registered: give each state of an operator its own name");
        }
        StateTable table = tables.remove(stateName);
        if (table != null) {
            for (int i = 0; i < keyGroupRange.size(); i++) {
                table.forEachEntry(i, restored);
            }
        }
        owned.put(stateName, state);
    }

    @Override
    public void forEachOwnedEntry(OwnedEntryVisitor visitor) throws Exception {
        for (Map.Entry<String, OwnedKeyedState> e : owned.entrySet()) {
            String name = e.getKey();
            e.getValue().forEachEntry((keyGroup, key, namespace, value) -> visitor.visit(name, keyGroup, key, namespace, value));
        }
    }

    @Override
    public List<String> getStateNames() {
        ArrayList<String> names = new ArrayList<>(tables.keySet());
        names.addAll(owned.keySet());
        return names;
    }

    /**
     * Visits every entry of {@code keyGroup}, state by state, in stored form (see the class comment). The visitor
     * must not change the backend's state.
     */
    @Override
    public void forEachEntry(int keyGroup, StateEntryVisitor visitor) throws Exception {
        int index = keyGroupIndex(keyGroup, "visit");
        for (StateTable table : tables.values()) {
            table.forEachEntry(index, visitor);
        }
    }

    /**
     * Puts back an entry visited by {@link #forEachEntry}, in the same stored form; the state need not be created
     * yet. Lists and maps are copied. Refuses an entry whose key does not hash to {@code keyGroup}: that snapshot
     * is corrupt or was taken with another max parallelism.
     */
    @Override
    public void restoreEntry(String stateName, int keyGroup, Object key, Object namespace, Object storedValue) {
        Objects.requireNonNull(stateName, "stateName");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(storedValue, "storedValue");
        int index = keyGroupIndex(keyGroup, "restore");
        int actual = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        if (actual != keyGroup) {
            throw new IllegalArgumentException("cannot restore state '" + stateName + "': key '" + key + "' belongs to key group "
                    + actual + " at max parallelism " + maxParallelism + ", but the snapshot filed it under key group " + keyGroup
                    + "; the snapshot is corrupt or was taken with another max parallelism");
        }
        Object copy = storedValue;
        if (storedValue instanceof Collection) {
            copy = new ArrayList<>((Collection<?>) storedValue);
        } else if (storedValue instanceof Map) {
            copy = new HashMap<>((Map<?, ?>) storedValue);
        }
        tables.computeIfAbsent(stateName, n -> new StateTable(n, this, keyGroupRange)).put(index, key, namespace, copy);
    }

    /** Nothing to release: the garbage collector takes the heap's state. */
    @Override
    public void close() {
    }

    private int keyGroupIndex(int keyGroup, String action) {
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalArgumentException("cannot " + action + " key group " + keyGroup + ": this backend owns "
                    + keyGroupRange + " (max parallelism " + maxParallelism + ")");
        }
        return keyGroup - keyGroupRange.getStartKeyGroup();
    }

    Object requireCurrentKey(String stateName) {
        Object key = currentKey;
        if (key == null) {
            throw new IllegalStateException("state '" + stateName + "' was accessed with no current key: keyed state is only "
                    + "available while processing an element or a timer of a keyed stream (after keyBy)");
        }
        return key;
    }

    int currentKeyGroupIndex() {
        return currentKeyGroupIndex;
    }

    /** A created state and its kind, to refuse a second descriptor of another kind under the same name. */
    private static final class Registered {
        final StateDescriptor.Type type;
        final AbstractHeapState<?> state;

        Registered(StateDescriptor.Type type, AbstractHeapState<?> state) {
            this.type = type;
            this.state = state;
        }
    }
}
