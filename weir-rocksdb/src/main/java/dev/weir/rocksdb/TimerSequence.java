package dev.weir.rocksdb;

import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The next timer registration sequence, kept in the database's default column family so that every checkpoint of
 * the database carries it: timers registered after a restore fire after restored ones of the same timestamp, as on
 * the heap. The default column family holds no state, so it is never split by key group.
 */
final class TimerSequence {
    private static final byte[] KEY = "weir.timers.next-sequence".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private TimerSequence() {
    }

    static void write(RocksDB db, WriteOptions options, long nextSequence) throws RocksDBException {
        db.put(options, KEY, TimerKeys.sequenceBytes(nextSequence));
    }

    /** The sequence a database holds, or 0 when it has none (no timers in RocksDB). */
    static long read(RocksDB db) throws RocksDBException {
        byte[] value = db.get(KEY);
        return value == null ? 0 : TimerKeys.readLong(value, 0);
    }
}
