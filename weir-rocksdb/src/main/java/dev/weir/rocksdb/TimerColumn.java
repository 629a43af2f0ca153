package dev.weir.rocksdb;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * The column family of one named timer service, with the reads and writes its queues make. The handle changes when
 * a restore replaces the database, so the queues always reach it through here.
 */
final class TimerColumn {
    /** Column family names of timer services: never a state's, which cannot start with a NUL character in practice. */
    static final String PREFIX = "\u0000timers\u0000";

    final String service;
    private final RocksDBInstance rocks;
    private final StateKeys keys;
    private final String operatorName;
    private ColumnFamilyHandle handle;
    /** Reused for every write of the timer's two entries. */
    private final WriteBatch batch = new WriteBatch();

    TimerColumn(String service, RocksDBInstance rocks, StateKeys keys, String operatorName, ColumnFamilyHandle handle) {
        this.service = service;
        this.rocks = rocks;
        this.keys = keys;
        this.operatorName = operatorName;
        this.handle = handle;
    }

    static String columnName(String service) {
        return PREFIX + service;
    }

    static boolean isTimerColumn(String columnName) {
        return columnName.startsWith(PREFIX);
    }

    static String serviceOf(String columnName) {
        return columnName.substring(PREFIX.length());
    }

    ColumnFamilyHandle handle() {
        return handle;
    }

    void replaceHandle(ColumnFamilyHandle restored) {
        this.handle = restored;
    }

    Object key(byte[] keyAndNamespace) {
        return keys.key(keyAndNamespace);
    }

    Object namespace(byte[] keyAndNamespace) {
        return keys.namespace(keyAndNamespace);
    }

    byte[] get(byte[] key) {
        try {
            return rocks.db().get(handle, key);
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    /** Writes a timer's two entries in one write: one call into RocksDB instead of two. */
    void put(byte[] key, byte[] value, byte[] secondKey, byte[] secondValue) {
        try {
            batch.put(handle, key, value);
            batch.put(handle, secondKey, secondValue);
            rocks.db().write(rocks.writeOptions(), batch);
        } catch (RocksDBException e) {
            throw failure("write", e);
        } finally {
            batch.clear();
        }
    }

    /** Deletes a timer's two entries in one write. */
    void delete(byte[] key, byte[] secondKey) {
        try {
            batch.delete(handle, key);
            batch.delete(handle, secondKey);
            rocks.db().write(rocks.writeOptions(), batch);
        } catch (RocksDBException e) {
            throw failure("delete from", e);
        } finally {
            batch.clear();
        }
    }

    /** Releases the native write batch; the database itself is the backend's to close. */
    void close() {
        batch.close();
    }

    RocksIterator newIterator() {
        return rocks.newIterator(handle);
    }

    private IllegalStateException failure(String action, RocksDBException e) {
        return new IllegalStateException("RocksDB could not " + action + " the timers of timer service '" + service + "' of "
                + operatorName + " in " + rocks.directory() + ": " + e.getMessage(), e);
    }
}
