package dev.weir.rocksdb;

import dev.weir.engine.checkpoint.storage.StateSerializer;
import dev.weir.engine.state.UnserializableStateAdvice;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * The reads and writes the states of one backend make on their column families: the current key's RocksDB key, and
 * gets, puts, merges, deletes and batched range reads that turn RocksDB's errors into messages naming the state, the
 * operator and the database's directory.
 */
final class RocksDBStateAccess {
    /** How many map entries one read of a map state's range fetches. */
    static final int ITERATION_BATCH = 128;

    private final RocksDBInstance rocks;
    private final StateKeys keys;
    private final StateSerializer serializer;
    private final String operatorName;
    private final WriteBackCache cache;

    RocksDBStateAccess(RocksDBInstance rocks, StateKeys keys, StateSerializer serializer, String operatorName, WriteBackCache cache) {
        this.rocks = rocks;
        this.keys = keys;
        this.serializer = serializer;
        this.operatorName = operatorName;
        this.cache = cache;
    }

    /** The recently used entries of value, reducing and aggregating states, in front of RocksDB. */
    WriteBackCache cache() {
        return cache;
    }

    StateSerializer serializer() {
        return serializer;
    }

    /**
     * {@code value} serialized for a write to state {@code stateName}. RocksDB stores every value serialized when it is
     * written (the heap only at a checkpoint), so a value the serializer cannot write fails here, naming the state, the
     * operator, the key and what to do, not with the serializer's message alone.
     */
    byte[] valueBytes(Object value, String stateName) {
        try {
            return serializer.serialize(value);
        } catch (RuntimeException e) {
            throw new IllegalStateException("State '" + stateName + "' of " + operatorName + " for key '" + keys.currentKey()
                    + "' (key group " + keys.currentKeyGroup() + "): a value of " + value.getClass().getName()
                    + " cannot be serialized for RocksDB, which stores every state value serialized as it is written ("
                    + e.getMessage() + "); " + UnserializableStateAdvice.RESOURCE_FIELD_FIX
                    + ", or keep this job's state on the heap (state.backend.type: hashmap)", e);
        }
    }

    byte[] currentKeyAndNamespace(String stateName, Object namespace) {
        if (!keys.hasCurrentKey()) {
            throw new IllegalStateException("state '" + stateName + "' was accessed with no current key: keyed state is only "
                    + "available while processing an element or a timer of a keyed stream (after keyBy)");
        }
        return keys.currentKeyAndNamespace(namespace);
    }

    byte[] get(ColumnFamilyHandle column, byte[] key, String stateName) {
        try {
            return rocks.db().get(column, key);
        } catch (RocksDBException e) {
            throw failure("read", stateName, e);
        }
    }

    void put(ColumnFamilyHandle column, byte[] key, byte[] value, String stateName) {
        try {
            rocks.db().put(column, rocks.writeOptions(), key, value);
        } catch (RocksDBException e) {
            throw failure("write", stateName, e);
        }
    }

    void merge(ColumnFamilyHandle column, byte[] key, byte[] value, String stateName) {
        try {
            rocks.db().merge(column, rocks.writeOptions(), key, value);
        } catch (RocksDBException e) {
            throw failure("append to", stateName, e);
        }
    }

    void delete(ColumnFamilyHandle column, byte[] key, String stateName) {
        try {
            rocks.db().delete(column, rocks.writeOptions(), key);
        } catch (RocksDBException e) {
            throw failure("delete from", stateName, e);
        }
    }

    /** Deletes every entry whose key starts with {@code prefix} (a map state's entries for one key). */
    void deletePrefix(ColumnFamilyHandle column, byte[] prefix, String stateName) {
        try {
            rocks.db().deleteRange(column, rocks.writeOptions(), prefix, StateKeys.successor(prefix));
        } catch (RocksDBException e) {
            throw failure("clear", stateName, e);
        }
    }

    boolean hasEntryWithPrefix(ColumnFamilyHandle column, byte[] prefix, String stateName) {
        try (RocksIterator it = rocks.newIterator(column)) {
            it.seek(prefix);
            return it.isValid() && StateKeys.startsWith(it.key(), prefix);
        }
    }

    /** Fills {@code batch} with the next entries starting with {@code prefix} after the key {@code after} (or from the start). */
    void readBatch(ColumnFamilyHandle column, byte[] prefix, byte[] after, Batch batch, String stateName) {
        batch.size = 0;
        try (RocksIterator it = rocks.newIterator(column)) {
            it.seek(after == null ? prefix : after);
            if (after != null && it.isValid() && java.util.Arrays.equals(it.key(), after)) {
                it.next();
            }
            while (batch.size < batch.keys.length && it.isValid()) {
                byte[] k = it.key();
                if (!StateKeys.startsWith(k, prefix)) {
                    break;
                }
                batch.keys[batch.size] = k;
                batch.values[batch.size] = it.value();
                batch.size++;
                it.next();
            }
        }
    }

    private IllegalStateException failure(String action, String stateName, RocksDBException e) {
        return failure(action, stateName, operatorName, rocks, e);
    }

    /** RocksDB's error on {@code action} of a state, naming the state, the operator and the database's directory. */
    static IllegalStateException failure(String action, String stateName, String operatorName, RocksDBInstance rocks,
            RocksDBException e) {
        return new IllegalStateException("RocksDB could not " + action + " state '" + stateName + "' of " + operatorName
                + " in " + rocks.directory() + ": " + e.getMessage(), e);
    }

    /** A batch of entries read from one range, reused across reads. */
    static final class Batch {
        final byte[][] keys = new byte[ITERATION_BATCH][];
        final byte[][] values = new byte[ITERATION_BATCH][];
        int size;
    }
}
