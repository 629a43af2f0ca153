package dev.weir.rocksdb;

import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The state writes of one database not yet in RocksDB: the latest value (or deletion) of each key written since the
 * last {@link #flushInto}, at most {@code maxEntries} keys and about {@code maxBytes} bytes. Point reads look here
 * first, so a read always sees the latest write; the owner flushes everything in one {@link WriteBatch} when the
 * cache is full and before anything else touches the database (iterators, merges, range deletes, checkpoints), so
 * RocksDB itself is exact whenever anyone but a point read looks at it. One native write per bundle of keys instead of
 * one per {@code put}: a read-modify-write costs a {@code get} and a share of a batch.
 *
 * <p>An open-addressing table (linear probing, power-of-two size, at most half full) of arrays allocated once; the
 * keys and values are the callers' arrays, which they never change after handing them over. Used by the task's
 * thread only.
 */
final class WriteBackCache {
    /** The value of a key whose latest write is a deletion; compared by identity. */
    static final byte[] DELETED = new byte[0];

    private final int maxEntries;
    private final long maxBytes;
    private final int mask;
    /** 32 minus the bits of a slot index: a hash's top bits pick the slot. */
    private final int shift;
    private final ColumnFamilyHandle[] columns;
    private final byte[][] keys;
    private final byte[][] values;
    /** The slots in use, in order of first write: what a flush visits and clears. */
    private final int[] used;
    private int size;
    private long bytes;

    WriteBackCache(int maxEntries, long maxBytes) {
        if (maxEntries <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("a write-back cache needs room for at least one entry, was " + maxEntries
                    + " entries and " + maxBytes + " bytes");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        int slots = Integer.highestOneBit(maxEntries * 2 - 1) << 1;
        this.mask = slots - 1;
        this.shift = Integer.numberOfLeadingZeros(slots) + 1;
        this.columns = new ColumnFamilyHandle[slots];
        this.keys = new byte[slots][];
        this.values = new byte[slots][];
        this.used = new int[maxEntries];
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The latest write of {@code key} in {@code column}: its value, {@link #DELETED}, or null when not written since the last flush. */
    byte[] get(ColumnFamilyHandle column, byte[] key) {
        int slot = slotOf(column, key);
        return keys[slot] == null ? null : values[slot];
    }

    /**
     * Records {@code value} ({@link #DELETED} for a deletion) as the latest write of {@code key} in {@code column};
     * true when the cache is full and must be flushed before the next write.
     */
    boolean put(ColumnFamilyHandle column, byte[] key, byte[] value) {
        int slot = slotOf(column, key);
        if (keys[slot] == null) {
            columns[slot] = column;
            keys[slot] = key;
            used[size++] = slot;
            bytes += key.length;
        } else {
            bytes -= values[slot].length;
        }
        values[slot] = value;
        bytes += value.length;
        return size == maxEntries || bytes >= maxBytes;
    }

    /** Adds every cached write to {@code batch} and empties the cache. */
    void flushInto(WriteBatch batch) throws RocksDBException {
        for (int i = 0; i < size; i++) {
            int slot = used[i];
            if (values[slot] == DELETED) {
                batch.delete(columns[slot], keys[slot]);
            } else {
                batch.put(columns[slot], keys[slot], values[slot]);
            }
        }
        clear();
    }

    /** Forgets every cached write (the database they were for is gone). */
    void clear() {
        for (int i = 0; i < size; i++) {
            int slot = used[i];
            columns[slot] = null;
            keys[slot] = null;
            values[slot] = null;
        }
        size = 0;
        bytes = 0;
    }

    /** The slot holding {@code key} of {@code column}, or the empty slot where it goes. */
    private int slotOf(ColumnFamilyHandle column, byte[] key) {
        int slot = ((Arrays.hashCode(key) * 31 + System.identityHashCode(column)) * 0x9E3779B9) >>> shift;
        while (keys[slot] != null && (columns[slot] != column || !Arrays.equals(keys[slot], key))) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
