package dev.weir.rocksdb;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The recently used entries of one backend's value, reducing and aggregating states, held in front of RocksDB in
 * their stored (serialized) form, so a read-modify-write of a recently used key is a hash lookup and no native call.
 * Writes stay in the cache (dirty) until their entry is evicted, least recently used first, or until {@link #flush()}
 * (before every snapshot and every read of a whole column); evicted dirty entries go to RocksDB in one
 * {@link WriteBatch}. Values are kept as bytes, so a read still hands out a fresh copy, as Flink's RocksDB backend does.
 *
 * <p>All backends of the process share one budget ({@code state.backend.rocksdb.write-back-cache.size}), split evenly
 * among the open ones; an entry counts its key, its value and a fixed overhead. Used by the task's thread only.
 */
final class WriteBackCache implements AutoCloseable {
    /** What an entry costs beside its key and value bytes: the entry object, two array headers and a table slot. */
    static final int ENTRY_OVERHEAD = 96;
    /** Evicting down to this share of the capacity at once fills one write batch rather than one put per entry. */
    private static final double EVICT_TO = 0.9;
    /** How many caches of this process share their budget (backends not closed yet). */
    static final AtomicInteger PROCESS_CACHES = new AtomicInteger();

    private final RocksDBInstance rocks;
    private final String operatorName;
    private final long budget;
    private final AtomicInteger sharers;
    private Entry[] table = new Entry[1 << 10];
    /** Most recently used first; {@code tail} is the next to evict. */
    private Entry head;
    private Entry tail;
    private int size;
    private long bytes;
    private int dirty;
    private boolean closed;

    /**
     * A cache sharing {@code budget} bytes evenly with the other open caches counted by {@code sharers} (the backends
     * use {@link #PROCESS_CACHES}); a budget of 0 caches nothing.
     */
    WriteBackCache(RocksDBInstance rocks, String operatorName, long budget, AtomicInteger sharers) {
        this.rocks = rocks;
        this.operatorName = operatorName;
        this.budget = budget;
        this.sharers = sharers;
        sharers.incrementAndGet();
    }

    /** The stored bytes of {@code key} in {@code column} (never to be changed by the caller), or null when absent. */
    byte[] get(Column column, byte[] key, String stateName) {
        int h = hash(column, key);
        Entry e = find(column, key, h);
        if (e != null) {
            touch(e);
            return e.value;
        }
        byte[] stored = null;
        if (column.mayHoldEntries) {
            try {
                stored = rocks.db().get(column.handle, key);
            } catch (RocksDBException ex) {
                throw failure("read", stateName, ex);
            }
        }
        insert(column, key, h, stored, false);
        return stored;
    }

    /** Stores {@code value} (which the cache keeps: the caller must not change it) for {@code key}; null deletes. */
    void put(Column column, byte[] key, byte[] value) {
        int h = hash(column, key);
        Entry e = find(column, key, h);
        if (e == null) {
            insert(column, key, h, value, true);
            return;
        }
        bytes += length(value) - length(e.value);
        e.value = value;
        if (!e.dirty) {
            e.dirty = true;
            dirty++;
        }
        touch(e);
        evictIfFull();
    }

    /**
     * Writes every dirty entry to RocksDB in one batch and keeps the entries, clean: reads stay hash lookups after a
     * snapshot. Call before anything reads RocksDB past the cache.
     */
    void flush() {
        if (dirty == 0) {
            return;
        }
        try (WriteBatch batch = new WriteBatch()) {
            for (Entry e = head; e != null; e = e.after) {
                if (e.dirty) {
                    add(batch, e);
                    e.dirty = false;
                }
            }
            write(batch);
        }
        dirty = 0;
    }

    /** Flushes, then forgets every entry: for writes that reach RocksDB past the cache (restores). */
    void invalidate() {
        flush();
        if (size == 0) {
            // A restore calls this per entry: clearing an empty table again each time would cost its whole length.
            return;
        }
        Arrays.fill(table, null);
        head = null;
        tail = null;
        size = 0;
        bytes = 0;
    }

    int size() {
        return size;
    }

    /** This cache's share of the process's budget. */
    long capacity() {
        return budget / Math.max(1, sharers.get());
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            sharers.decrementAndGet();
        }
    }

    private void insert(Column column, byte[] key, int h, byte[] value, boolean isDirty) {
        if (budget <= 0) {
            if (isDirty) {
                try (WriteBatch batch = new WriteBatch()) {
                    Entry e = new Entry(column, key, h, value);
                    add(batch, e);
                    write(batch);
                }
            }
            return;
        }
        Entry e = new Entry(column, key, h, value);
        e.dirty = isDirty;
        if (isDirty) {
            dirty++;
        }
        int slot = h & (table.length - 1);
        e.next = table[slot];
        table[slot] = e;
        e.after = head;
        if (head != null) {
            head.before = e;
        }
        head = e;
        if (tail == null) {
            tail = e;
        }
        size++;
        bytes += footprint(key, value);
        if (size > table.length - (table.length >>> 2)) {
            grow();
        }
        evictIfFull();
    }

    /** Evicts least recently used entries down to {@link #EVICT_TO} of the capacity, writing the dirty ones in one batch. */
    private void evictIfFull() {
        long capacity = capacity();
        if (bytes <= capacity) {
            return;
        }
        long target = (long) (capacity * EVICT_TO);
        try (WriteBatch batch = new WriteBatch()) {
            while (bytes > target && tail != null) {
                Entry e = tail;
                if (e.dirty) {
                    add(batch, e);
                    dirty--;
                }
                unlink(e);
                remove(e);
                size--;
                bytes -= footprint(e.key, e.value);
            }
            if (batch.count() > 0) {
                write(batch);
            }
        }
    }

    private static void add(WriteBatch batch, Entry e) {
        try {
            e.column.mayHoldEntries = true;
            if (e.value == null) {
                batch.delete(e.column.handle, e.key);
            } else {
                batch.put(e.column.handle, e.key, e.value);
            }
        } catch (RocksDBException ex) {
            throw new IllegalStateException("RocksDB could not batch a write: " + ex.getMessage(), ex);
        }
    }

    private void write(WriteBatch batch) {
        try {
            rocks.db().write(rocks.writeOptions(), batch);
        } catch (RocksDBException ex) {
            throw failure("write", "cached values", ex);
        }
    }

    private Entry find(Column column, byte[] key, int h) {
        for (Entry e = table[h & (table.length - 1)]; e != null; e = e.next) {
            if (e.hash == h && e.column == column && (e.key == key || Arrays.equals(e.key, key))) {
                return e;
            }
        }
        return null;
    }

    private void touch(Entry e) {
        if (e == head) {
            return;
        }
        unlink(e);
        e.after = head;
        head.before = e;
        head = e;
    }

    private void unlink(Entry e) {
        if (e.before != null) {
            e.before.after = e.after;
        } else {
            head = e.after;
        }
        if (e.after != null) {
            e.after.before = e.before;
        } else {
            tail = e.before;
        }
        e.before = null;
        e.after = null;
    }

    private void remove(Entry e) {
        int slot = e.hash & (table.length - 1);
        Entry prev = null;
        for (Entry x = table[slot]; x != null; prev = x, x = x.next) {
            if (x == e) {
                if (prev == null) {
                    table[slot] = x.next;
                } else {
                    prev.next = x.next;
                }
                return;
            }
        }
    }

    private void grow() {
        Entry[] bigger = new Entry[table.length << 1];
        for (Entry e = head; e != null; e = e.after) {
            int slot = e.hash & (bigger.length - 1);
            e.next = bigger[slot];
            bigger[slot] = e;
        }
        table = bigger;
    }

    private static int hash(Column column, byte[] key) {
        int h = column.hash;
        for (byte b : key) {
            h = 31 * h + b;
        }
        return h ^ (h >>> 16);
    }

    /** What an entry of {@code key} and {@code value} counts against the capacity. */
    private static long footprint(byte[] key, byte[] value) {
        return key.length + length(value) + ENTRY_OVERHEAD;
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private IllegalStateException failure(String action, String stateName, RocksDBException e) {
        return RocksDBStateAccess.failure(action, stateName, operatorName, rocks, e);
    }

    /**
     * One cached state's column family, and whether RocksDB may hold entries of it: a column created empty and never
     * written past the cache holds none, so a miss there needs no read.
     */
    static final class Column {
        final ColumnFamilyHandle handle;
        final int hash;
        boolean mayHoldEntries;

        Column(ColumnFamilyHandle handle, boolean mayHoldEntries) {
            this.handle = handle;
            this.hash = System.identityHashCode(handle);
            this.mayHoldEntries = mayHoldEntries;
        }
    }

    private static final class Entry {
        final Column column;
        final byte[] key;
        final int hash;
        byte[] value;
        boolean dirty;
        Entry next;
        Entry before;
        Entry after;

        Entry(Column column, byte[] key, int hash, byte[] value) {
            this.column = column;
            this.key = key;
            this.hash = hash;
            this.value = value;
        }
    }
}
