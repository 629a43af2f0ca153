package dev.weir.rocksdb;

import dev.weir.engine.checkpoint.storage.StateSerializer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * The recently used entries of one backend's value, reducing and aggregating states, held in front of RocksDB in
 * their stored (serialized) form, so a read-modify-write of a recently used key is a hash lookup and no native call.
 * Writes stay in the cache (dirty) until their entry is evicted, least recently used first, or until {@link #flush()}
 * (before every snapshot and every read of a whole column); dirty entries reach RocksDB in one batch. A read decodes
 * the stored bytes afresh, so it hands out a new copy, as Flink's RocksDB backend does.
 *
 * <p>No object per entry: a million cached keys would otherwise be millions of small objects that G1 tracks and copies
 * (remembered sets, write barriers, survivor copies). Entries are numbered; each number indexes a few {@code int}
 * arrays (where its key and value lie, its column, its neighbours in recency order), a bitset marks the dirty ones,
 * the keys and values live in one byte arena ({@link #arena}), and an open-addressing table maps a key's hash to its
 * entry's number.
 *
 * <p>All backends of the process share one budget ({@code state.backend.rocksdb.write-back-cache.size}), split evenly
 * among the open ones; an entry counts its key, its value and a fixed overhead. Used by the task's thread only.
 */
final class WriteBackCache implements AutoCloseable {
    /** What an entry costs beside its key and value bytes: its table slot, its per-entry ints, the arena's slack. */
    static final int ENTRY_OVERHEAD = 64;
    /** Evicting down to this share of the capacity at once fills one write batch rather than one write per entry. */
    private static final double EVICT_TO = 0.9;
    /** One cache never holds more (the arena is one array, which is half empty at worst). */
    private static final long MAX_BYTES = 1L << 29;
    private static final int NONE = -1;
    /** {@link #valueLength} of an entry that caches the key's absence (never written, or deleted). */
    private static final int ABSENT = -1;
    /** How many caches of this process share their budget (backends not closed yet). */
    static final AtomicInteger PROCESS_CACHES = new AtomicInteger();

    private final RocksDBInstance rocks;
    private final String operatorName;
    private final long budget;
    private final AtomicInteger sharers;
    private final HeapWriteBatch batch = new HeapWriteBatch();

    /** Open addressing, linear probing: {@code hash << 32 | entry + 1} per slot, 0 when empty; at most half full. */
    private long[] slots = new long[1 << 10];
    private Column[] columns = new Column[4];
    private int columnCount;

    // Per entry number. An entry's key lies at arena[keyAt, keyAt + keyLength), its value at valueAt, in valueRoom bytes.
    private int[] hashOf = new int[1 << 9];
    private int[] columnOf = new int[1 << 9];
    private int[] keyAt = new int[1 << 9];
    private int[] keyLength = new int[1 << 9];
    private int[] valueAt = new int[1 << 9];
    private int[] valueLength = new int[1 << 9];
    private int[] valueRoom = new int[1 << 9];
    /** Recency order: {@link #newest} first, {@link #oldest} the next to evict; a freed entry links the free ones in older. */
    private int[] newer = new int[1 << 9];
    private int[] older = new int[1 << 9];
    private long[] dirtyBits = new long[(1 << 9) >>> 6];
    private int newest = NONE;
    private int oldest = NONE;
    private int freeEntries = NONE;
    /** Entries numbered from here up were never used. */
    private int unused;

    private byte[] arena = new byte[1 << 14];
    private int arenaTop;
    /** Arena bytes no entry uses any more (evicted entries, values moved when they grew). */
    private long garbage;

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

    /**
     * The value of {@code key} in {@code column}, decoded by {@code serializer} from its stored bytes, or null when
     * absent. A miss reads RocksDB (only if it may hold entries of the column) and caches what it found, absence too.
     */
    Object read(Column column, byte[] key, StateSerializer serializer, String stateName) {
        int c = columnId(column);
        int h = hash(c, key);
        int e = find(c, key, h);
        if (e != NONE) {
            touch(e);
            int length = valueLength[e];
            return length == ABSENT ? null : serializer.deserialize(arena, valueAt[e], length);
        }
        byte[] stored = null;
        if (column.mayHoldEntries) {
            try {
                stored = rocks.db().get(column.handle, key);
            } catch (RocksDBException ex) {
                throw failure("read", stateName, ex);
            }
        }
        if (budget > 0) {
            insert(c, key, h, stored, false);
        }
        return stored == null ? null : serializer.deserialize(stored);
    }

    /** Stores a copy of {@code value} for {@code key}; null deletes. */
    void put(Column column, byte[] key, byte[] value) {
        int c = columnId(column);
        if (budget <= 0) {
            writeStraight(c, key, value);
            return;
        }
        int h = hash(c, key);
        int e = find(c, key, h);
        if (e == NONE) {
            insert(c, key, h, value, true);
            return;
        }
        int length = value == null ? ABSENT : value.length;
        bytes += Math.max(length, 0) - Math.max(valueLength[e], 0);
        if (length > valueRoom[e]) {
            // Allocate first: a compaction inside allocate copies the old value and resets its room.
            int at = allocate(length);
            garbage += valueRoom[e];
            valueAt[e] = at;
            valueRoom[e] = length;
        }
        if (length > 0) {
            System.arraycopy(value, 0, arena, valueAt[e], length);
        }
        valueLength[e] = length;
        markDirty(e);
        touch(e);
        evictIfFull();
    }

    /**
     * Writes every dirty entry to RocksDB, in entry order, and keeps the entries, clean: reads stay hash lookups after
     * a snapshot. Call before anything reads RocksDB past the cache.
     */
    void flush() {
        if (dirty == 0) {
            return;
        }
        for (int word = 0; word < dirtyBits.length; word++) {
            long bits = dirtyBits[word];
            while (bits != 0) {
                int e = (word << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                add(e);
            }
            dirtyBits[word] = 0;
        }
        write();
        dirty = 0;
    }

    /** Flushes, then forgets every entry: for writes that reach RocksDB past the cache (restores). */
    void invalidate() {
        flush();
        if (size == 0) {
            // A restore calls this per entry: clearing an empty table again each time would cost its whole length.
            return;
        }
        Arrays.fill(slots, 0L);
        newest = NONE;
        oldest = NONE;
        freeEntries = NONE;
        unused = 0;
        arenaTop = 0;
        garbage = 0;
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

    private void insert(int c, byte[] key, int h, byte[] value, boolean isDirty) {
        int e = newEntry();
        int length = value == null ? ABSENT : value.length;
        int room = Math.max(length, 0);
        int at = allocate(key.length + room);
        System.arraycopy(key, 0, arena, at, key.length);
        if (length > 0) {
            System.arraycopy(value, 0, arena, at + key.length, length);
        }
        hashOf[e] = h;
        columnOf[e] = c;
        keyAt[e] = at;
        keyLength[e] = key.length;
        valueAt[e] = at + key.length;
        valueLength[e] = length;
        valueRoom[e] = room;
        if (isDirty) {
            markDirty(e);
        }
        older[e] = newest;
        newer[e] = NONE;
        if (newest != NONE) {
            newer[newest] = e;
        } else {
            oldest = e;
        }
        newest = e;
        if (++size > slots.length >>> 1) {
            growSlots();
        }
        place(e, h);
        bytes += key.length + room + ENTRY_OVERHEAD;
        evictIfFull();
    }

    /** Evicts least recently used entries down to {@link #EVICT_TO} of the capacity, writing the dirty ones in one batch. */
    private void evictIfFull() {
        long capacity = Math.min(capacity(), MAX_BYTES);
        if (bytes <= capacity) {
            return;
        }
        long target = (long) (capacity * EVICT_TO);
        while (bytes > target && oldest != NONE) {
            int e = oldest;
            if (isDirty(e)) {
                add(e);
                dirtyBits[e >>> 6] &= ~(1L << e);
                dirty--;
            }
            unlink(e);
            unplace(e);
            size--;
            bytes -= keyLength[e] + Math.max(valueLength[e], 0) + ENTRY_OVERHEAD;
            garbage += keyLength[e] + valueRoom[e];
            older[e] = freeEntries;
            freeEntries = e;
        }
        write();
    }

    /** Adds entry {@code e}'s key and value to the pending batch, writing the batch when it is large. */
    private void add(int e) {
        Column column = columns[columnOf[e]];
        column.mayHoldEntries = true;
        boolean due = valueLength[e] == ABSENT
                ? batch.delete(column.handle, arena, keyAt[e], keyLength[e])
                : batch.put(column.handle, arena, keyAt[e], keyLength[e], arena, valueAt[e], valueLength[e]);
        if (due) {
            write();
        }
    }

    private void write() {
        try {
            batch.write(rocks.db(), rocks.writeOptions());
        } catch (RocksDBException ex) {
            throw failure("write", "cached values", ex);
        }
    }

    /** With no budget: the write goes to RocksDB at once. */
    private void writeStraight(int c, byte[] key, byte[] value) {
        Column column = columns[c];
        column.mayHoldEntries = true;
        if (value == null) {
            batch.delete(column.handle, key, 0, key.length);
        } else {
            batch.put(column.handle, key, 0, key.length, value, 0, value.length);
        }
        write();
    }

    private int find(int c, byte[] key, int h) {
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                return NONE;
            }
            int e = (int) slot - 1;
            if ((int) (slot >>> 32) == h && columnOf[e] == c && keyLength[e] == key.length
                    && Arrays.equals(arena, keyAt[e], keyAt[e] + key.length, key, 0, key.length)) {
                return e;
            }
        }
    }

    private void place(int e, int h) {
        int mask = slots.length - 1;
        int i = h & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = ((long) h << 32) | (e + 1);
    }

    /** Removes entry {@code e}'s slot, shifting later slots of its probe run back so that no lookup stops early. */
    private void unplace(int e) {
        int mask = slots.length - 1;
        int i = hashOf[e] & mask;
        while ((int) slots[i] != e + 1) {
            i = (i + 1) & mask;
        }
        for (int j = (i + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
            int home = (int) (slots[j] >>> 32) & mask;
            // Slot j may move to the hole at i only if its home is not in (i, j], cyclically.
            if (i <= j ? (home <= i || home > j) : (home <= i && home > j)) {
                slots[i] = slots[j];
                i = j;
            }
        }
        slots[i] = 0;
    }

    private void growSlots() {
        long[] old = slots;
        slots = new long[old.length << 1];
        int mask = slots.length - 1;
        for (long slot : old) {
            if (slot != 0) {
                int i = (int) (slot >>> 32) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = slot;
            }
        }
    }

    private int newEntry() {
        if (freeEntries != NONE) {
            int e = freeEntries;
            freeEntries = older[e];
            return e;
        }
        if (unused == hashOf.length) {
            int length = hashOf.length << 1;
            hashOf = Arrays.copyOf(hashOf, length);
            columnOf = Arrays.copyOf(columnOf, length);
            keyAt = Arrays.copyOf(keyAt, length);
            keyLength = Arrays.copyOf(keyLength, length);
            valueAt = Arrays.copyOf(valueAt, length);
            valueLength = Arrays.copyOf(valueLength, length);
            valueRoom = Arrays.copyOf(valueRoom, length);
            newer = Arrays.copyOf(newer, length);
            older = Arrays.copyOf(older, length);
            dirtyBits = Arrays.copyOf(dirtyBits, length >>> 6);
        }
        return unused++;
    }

    /** Where {@code length} free bytes of the arena start: at its top, after growing or compacting it if needed. */
    private int allocate(int length) {
        if (arena.length - arenaTop < length) {
            makeRoom(length);
        }
        int at = arenaTop;
        arenaTop += length;
        return at;
    }

    /** Copies the live keys and values into a new arena with at least as much room free as in use, dropping garbage. */
    private void makeRoom(int length) {
        long needed = arenaTop - garbage + length;
        long capacity = arena.length;
        while (capacity < 2 * needed && capacity < Integer.MAX_VALUE - 8) {
            capacity = Math.min(capacity * 2, Integer.MAX_VALUE - 8);
        }
        if (needed > capacity) {
            throw new IllegalStateException("the write-back cache of " + operatorName + " cannot hold " + needed + " bytes");
        }
        byte[] bigger = new byte[(int) capacity];
        if (garbage == 0) {
            System.arraycopy(arena, 0, bigger, 0, arenaTop);
        } else {
            int top = 0;
            for (int e = newest; e != NONE; e = older[e]) {
                System.arraycopy(arena, keyAt[e], bigger, top, keyLength[e]);
                keyAt[e] = top;
                top += keyLength[e];
                int value = Math.max(valueLength[e], 0);
                System.arraycopy(arena, valueAt[e], bigger, top, value);
                valueAt[e] = top;
                valueRoom[e] = value;
                top += value;
            }
            arenaTop = top;
            garbage = 0;
        }
        arena = bigger;
    }

    private void markDirty(int e) {
        long bit = 1L << e;
        if ((dirtyBits[e >>> 6] & bit) == 0) {
            dirtyBits[e >>> 6] |= bit;
            dirty++;
        }
    }

    private boolean isDirty(int e) {
        return (dirtyBits[e >>> 6] & (1L << e)) != 0;
    }

    private void touch(int e) {
        if (e == newest) {
            return;
        }
        unlink(e);
        older[e] = newest;
        newer[e] = NONE;
        newer[newest] = e;
        newest = e;
    }

    private void unlink(int e) {
        int n = newer[e];
        int o = older[e];
        if (n != NONE) {
            older[n] = o;
        } else {
            newest = o;
        }
        if (o != NONE) {
            newer[o] = n;
        } else {
            oldest = n;
        }
    }

    /** The column's number in this cache, given on its first use. */
    private int columnId(Column column) {
        int id = column.id;
        if (id >= 0 && id < columnCount && columns[id] == column) {
            return id;
        }
        if (columnCount == columns.length) {
            columns = Arrays.copyOf(columns, columnCount * 2);
        }
        columns[columnCount] = column;
        column.id = columnCount;
        return columnCount++;
    }

    private static int hash(int column, byte[] key) {
        int h = column;
        for (byte b : key) {
            h = 31 * h + b;
        }
        // Murmur3's finalizer: linear probing needs the low bits to differ between neighbouring keys.
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    private IllegalStateException failure(String action, String stateName, RocksDBException e) {
        return RocksDBStateAccess.failure(action, stateName, operatorName, rocks, e);
    }

    /**
     * One cached state's column family, and whether RocksDB may hold entries of it: a column created empty and never
     * written past the cache holds none, so a miss there needs no read. A column is used with one cache.
     */
    static final class Column {
        final ColumnFamilyHandle handle;
        boolean mayHoldEntries;
        /** Its number in the cache that uses it, -1 before its first use. */
        int id = -1;

        Column(ColumnFamilyHandle handle, boolean mayHoldEntries) {
            this.handle = handle;
            this.mayHoldEntries = mayHoldEntries;
        }
    }
}
