package dev.weir.engine.state;

import java.util.List;

/**
 * The state-backend SPI: a {@link KeyedStateBackend} the engine can snapshot key group by key group, restore into,
 * and close. Every backend (the heap one in weir-core, RocksDB in weir-rocksdb) reads and writes snapshots in the
 * same <em>stored form</em>, which is what makes a snapshot taken on one backend restore on another: a value,
 * reducing or aggregating state stores its value (the accumulator for aggregating state), a list state an
 * {@code ArrayList} of its elements, a map state a {@code HashMap}; with a time to live each value (each list element,
 * each map value) is a {@link TtlValue}. Created per keyed operator subtask by a {@link KeyedStateBackendFactory};
 * called by the task's thread only.
 */
public interface CheckpointableKeyedStateBackend extends KeyedStateBackend, AutoCloseable {
    /** The key groups this subtask owns. */
    KeyGroupRange getKeyGroupRange();

    /** The names of the states created or restored so far, in that order. */
    List<String> getStateNames();

    /**
     * Visits every entry of {@code keyGroup}, state by state, in stored form. The visitor must not change the
     * backend's state.
     *
     * @throws IllegalArgumentException if the backend does not own {@code keyGroup}
     */
    void forEachEntry(int keyGroup, StateEntryVisitor visitor) throws Exception;

    /** Visits the entries of the states operators keep themselves ({@link #adopt}), with each entry's key group. */
    void forEachOwnedEntry(OwnedEntryVisitor visitor) throws Exception;

    /**
     * Puts back an entry visited by {@link #forEachEntry}, in stored form; the state need not be created yet.
     * Refuses an entry whose key does not hash to {@code keyGroup}: that snapshot is corrupt or was taken with
     * another max parallelism.
     */
    void restoreEntry(String stateName, int keyGroup, Object key, Object namespace, Object storedValue) throws Exception;

    /**
     * Whether {@link #forEachEntry} hands out values no one else holds (freshly read from storage), so a snapshot may
     * keep them without copying. The heap backend hands out its live objects and answers false.
     */
    default boolean visitsDetachedValues() {
        return false;
    }

    /** Releases what the backend holds (native memory, local files); called once when the task ends, on its thread. */
    @Override
    void close();

    /** Receives the entries of {@link #forEachOwnedEntry}. */
    @FunctionalInterface
    interface OwnedEntryVisitor {
        void visit(String stateName, int keyGroup, Object key, Object namespace, Object storedValue) throws Exception;
    }
}
