package dev.weir.rocksdb;

import dev.weir.engine.checkpoint.storage.StateSerializer;
import dev.weir.engine.state.KeyContext;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.StateEntryVisitor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * The sliced states ({@link RocksDBSlicedState}) of one backend by name: their column families, created by the
 * operator, restored with a checkpoint's database, or filled from a savepoint's entries (staged in the stored form
 * until the operator asks for the state, then laid out by slice).
 */
final class SliceColumns {
    /** How many entries one write batch of a move holds: a large savepoint's slices never sit in one batch. */
    private static final int BATCH_ENTRIES = 1024;

    private final RocksDBStateAccess access;
    private final RocksDBInstance rocks;
    private final StateKeys keys;
    private final KeyContext keyContext;
    private final KeyGroupRange range;
    private final StateSerializer serializer;
    /** The write-back cache's budget ({@code state.backend.rocksdb.write-back-cache.size}), which slice caches share. */
    private final long cacheBudget;
    private final Map<String, ColumnFamilyHandle> handles = new LinkedHashMap<>();
    private final Map<String, RocksDBSlicedState> states = new LinkedHashMap<>();

    SliceColumns(RocksDBStateAccess access, RocksDBInstance rocks, StateKeys keys, KeyContext keyContext, KeyGroupRange range,
                 StateSerializer serializer, long cacheBudget) {
        this.access = access;
        this.rocks = rocks;
        this.keys = keys;
        this.keyContext = keyContext;
        this.range = range;
        this.serializer = serializer;
        this.cacheBudget = cacheBudget;
    }

    Set<String> names() {
        return handles.keySet();
    }

    boolean contains(String name) {
        return handles.containsKey(name);
    }

    /** Takes the sliced states' column families out of a restored database's (by column family name). */
    void restored(Map<String, ColumnFamilyHandle> columns) {
        columns.forEach((columnName, handle) -> {
            if (RocksDBSlicedState.isSliceColumn(columnName)) {
                handles.put(RocksDBSlicedState.stateOf(columnName), handle);
            }
        });
    }

    /** The column family of sliced state {@code name}, created when missing: where a rescaled restore copies it. */
    ColumnFamilyHandle column(String name) {
        return handles.computeIfAbsent(name, n -> rocks.createColumnFamily(RocksDBSlicedState.COLUMN_PREFIX + n));
    }

    /**
     * The sliced state {@code name}; {@code staged} (or null) holds entries a savepoint restored under that name in the
     * stored form, namespace the slice start, which move into the slice layout now and are dropped.
     */
    RocksDBSlicedState state(String name, ColumnFamilyHandle staged, String operatorName) {
        RocksDBSlicedState state = states.get(name);
        if (state != null) {
            return state;
        }
        ColumnFamilyHandle column = column(name);
        if (staged != null) {
            moveIntoSlices(name, staged, column, operatorName);
        }
        state = new RocksDBSlicedState(access, rocks, column, name, keys, keyContext, range, serializer, cacheBudget);
        states.put(name, state);
        return state;
    }

    private void moveIntoSlices(String name, ColumnFamilyHandle staged, ColumnFamilyHandle column, String operatorName) {
        try (RocksIterator it = rocks.newIterator(staged); WriteBatch batch = new WriteBatch()) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] k = it.key();
                if (!(keys.namespace(k) instanceof Long slice)) {
                    throw new IllegalStateException(operatorName + " cannot restore its window slices: the snapshot holds '" + name
                            + "' entries with namespace " + keys.namespace(k) + " instead of a slice start; it was written by "
                            + "another window layout. Restore it with the Weir version that wrote it, or start without it");
                }
                batch.put(column, SliceKeys.key(StateKeys.keyGroup(k), slice, StateKeys.keyBytes(k)), it.value());
                if (batch.count() >= BATCH_ENTRIES) {
                    rocks.db().write(rocks.writeOptions(), batch);
                    batch.clear();
                }
            }
            rocks.db().write(rocks.writeOptions(), batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("RocksDB could not restore the window slices '" + name + "' of " + operatorName + " in "
                    + rocks.directory() + ": " + e.getMessage(), e);
        }
        rocks.dropColumnFamily(staged);
    }

    /** Writes the slices the states hold on the heap to RocksDB (they stay cached): before a snapshot of the database. */
    void flush() {
        for (RocksDBSlicedState state : states.values()) {
            state.flush();
        }
    }

    /** Gives the slice caches' budget back to the process's other caches. */
    void close() {
        for (RocksDBSlicedState state : states.values()) {
            state.close();
        }
    }

    /** Visits every sliced state's entries of {@code keyGroup} in stored form. */
    void visit(int keyGroup, StateEntryVisitor visitor) throws Exception {
        flush();
        for (Map.Entry<String, ColumnFamilyHandle> e : handles.entrySet()) {
            RocksDBSlicedState.visit(e.getKey(), rocks.db(), e.getValue(), keyGroup, serializer, visitor);
        }
    }
}
