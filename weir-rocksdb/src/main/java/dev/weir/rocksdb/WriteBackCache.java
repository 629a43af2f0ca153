package dev.weir.rocksdb;

import dev.weir.engine.checkpoint.storage.StateSerializer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * The recently used entries of one backend's value, reducing and aggregating states, held in front of RocksDB in
 * their stored (serialized) form, so a read-modify-write of a recently used key is a hash lookup and no native call.
 * Writes stay in the cache (dirty) until their entry is evicted or until {@link #flush()} (before every snapshot and
 * every read of a whole column); dirty entries reach RocksDB in one batch. Once the backend has been checkpointed
 * ({@link #boundDirtyEntries()}), no more than {@link #DIRTY_LIMIT} entries stay dirty: past that, they are written
 * back at once, between records, so a checkpoint's synchronous part has little left to write. Eviction is the
 * clock's (second chance): a hand walks the entries in number order and evicts those not used since it last passed
 * them, so an entry read or written again since it was cached outlives one that was not. A read decodes the stored bytes afresh, so it hands
 * out a new copy, as Flink's RocksDB backend does.
 *
 * <p>No object per entry: a million cached keys would otherwise be millions of small objects that G1 tracks and copies
 * (remembered sets, write barriers, survivor copies). Entries are numbered; an entry's fields (its hash, column, where
 * its key and value lie) are eight consecutive {@code int}s of {@link #entries}, so a lookup touches one or two cache
 * lines there; a bitset marks the dirty entries; keys and values live in one byte arena ({@link #arena}); an
 * open-addressing table maps a key's hash to its entry's number.
 *
 * <p>All backends of the process share one budget ({@code state.backend.rocksdb.write-back-cache.size}), split evenly
 * among the open ones; an entry counts its key, its value and a fixed overhead. Used by the task's thread only.
 */
final class WriteBackCache implements AutoCloseable {
    /** What an entry costs beside its key and value bytes: its fields, its table slot, the arena's slack. */
    static final int ENTRY_OVERHEAD = 64;
    /** Evicting down to this share of the capacity at once fills one write batch rather than one write per entry. */
    private static final double EVICT_TO = 0.9;
    /**
     * The dirty entries a checkpointed cache keeps at most. A loading burst inside one checkpoint interval left 70,000
     * to 165,000 per subtask for the checkpoint to write on the task thread (185-523 ms at load 41-43); with this
     * limit the checkpoints during a burst wrote the cache in at most 11 ms of task-thread CPU (load 51-55).
     */
    static final int DIRTY_LIMIT = 16_384;
    /** One cache never holds more (the arena is one array, which is half empty at worst). */
    private static final long MAX_BYTES = 1L << 29;
    private static final int NONE = -1;
    /** The value length of an entry that caches the key's absence (never written, or deleted). */
    private static final int ABSENT = -1;
    /** How many caches of this process share their budget (backends not closed yet). */
    static final AtomicInteger PROCESS_CACHES = new AtomicInteger();

    // An entry's fields in entries[e * STRIDE + field]. Its key lies at arena[KEY_AT, KEY_AT + KEY_LENGTH), its value
    // at VALUE_AT in VALUE_ROOM bytes. A free entry has no LIVE flag and links the next free one in VALUE_AT.
    private static final int STRIDE = 8;
    private static final int HASH = 0;
    private static final int COLUMN = 1;
    private static final int KEY_AT = 2;
    private static final int KEY_LENGTH = 3;
    private static final int VALUE_AT = 4;
    private static final int VALUE_LENGTH = 5;
    private static final int VALUE_ROOM = 6;
    private static final int FLAGS = 7;
    private static final int LIVE = 1;
    /** Used since the clock's hand last passed. */
    private static final int REFERENCED = 2;

    private final RocksDBInstance rocks;
    private final String operatorName;
    private final long budget;
    private final AtomicInteger sharers;
    private final HeapWriteBatch batch = new HeapWriteBatch();
    private final FlushOrder flushOrder = new FlushOrder();

    /** Open addressing, linear probing: {@code hash << 32 | entry + 1} per slot, 0 when empty; at most half full. */
    private long[] slots = new long[1 << 10];
    private Column[] columns = new Column[4];
    private int columnCount;

    private int[] entries = new int[STRIDE << 9];
    private long[] dirtyBits = new long[(1 << 9) >>> 6];
    private int freeEntries = NONE;
    /** Entries numbered from here up were never used. */
    private int unused;
    /** The clock's hand: the next entry eviction looks at. */
    private int hand;

    /** The entry of the last key read or written, by the key array's identity: a read-modify-write finds it once. */
    private byte[] lastKey;
    private int lastColumn;
    private int lastEntry = NONE;

    private byte[] arena = new byte[1 << 14];
    private int arenaTop;
    /** Arena bytes no entry uses any more (evicted entries, values moved when they grew). */
    private long garbage;

    private int size;
    private long bytes;
    private int dirty;
    /** {@link Integer#MAX_VALUE} until the first checkpoint: a job that never checkpoints writes dirty entries only when evicted. */
    private int dirtyLimit = Integer.MAX_VALUE;
    /** The dirty entries of one column being flushed, reused. */
    private int[] flushing = new int[0];
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
     * The caller must not change {@code key} afterwards (the cache knows its last key by identity).
     */
    Object read(Column column, byte[] key, StateSerializer serializer, String stateName) {
        int c = columnId(column);
        int e = key == lastKey && c == lastColumn ? lastEntry : NONE;
        int h = 0;
        if (e == NONE) {
            h = hash(c, key);
            e = find(c, key, h);
        }
        if (e != NONE) {
            int at = e * STRIDE;
            entries[at + FLAGS] |= REFERENCED;
            remember(key, c, e);
            int length = entries[at + VALUE_LENGTH];
            return length == ABSENT ? null : serializer.deserialize(arena, entries[at + VALUE_AT], length);
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

    /** Stores a copy of {@code value} for {@code key}; null deletes. The caller must not change {@code key} afterwards. */
    void put(Column column, byte[] key, byte[] value) {
        int c = columnId(column);
        if (budget <= 0) {
            writeStraight(c, key, value);
            return;
        }
        int e = key == lastKey && c == lastColumn ? lastEntry : NONE;
        if (e == NONE) {
            int h = hash(c, key);
            e = find(c, key, h);
            if (e == NONE) {
                insert(c, key, h, value, true);
                return;
            }
        }
        int at = e * STRIDE;
        int length = value == null ? ABSENT : value.length;
        bytes += Math.max(length, 0) - Math.max(entries[at + VALUE_LENGTH], 0);
        if (length > entries[at + VALUE_ROOM]) {
            // Allocate first: a compaction inside allocate copies the old value and resets its room.
            int valueAt = allocate(length);
            garbage += entries[at + VALUE_ROOM];
            entries[at + VALUE_AT] = valueAt;
            entries[at + VALUE_ROOM] = length;
        }
        if (length > 0) {
            System.arraycopy(value, 0, arena, entries[at + VALUE_AT], length);
        }
        entries[at + VALUE_LENGTH] = length;
        entries[at + FLAGS] |= REFERENCED;
        markDirty(e);
        remember(key, c, e);
        evictIfFull();
        writeBackIfManyDirty();
    }

    /**
     * Writes every dirty entry to RocksDB and keeps the entries, clean: reads stay hash lookups after a snapshot. Call
     * before anything reads RocksDB past the cache. The entries go column by column in (about) key order
     * ({@link FlushOrder}): RocksDB inserts each into its memtable's skip list starting from where the previous insert
     * ended, so keys in order cost a fraction of keys scattered over the whole list.
     */
    void flush() {
        if (dirty == 0) {
            return;
        }
        if (flushing.length < dirty) {
            flushing = new int[Math.max(dirty, flushing.length * 2)];
        }
        int[] dirtyEntries = flushing;
        for (int c = 0; c < columnCount; c++) {
            int n = 0;
            for (int word = 0; word < dirtyBits.length; word++) {
                long bits = dirtyBits[word];
                while (bits != 0) {
                    int e = (word << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    if (entries[e * STRIDE + COLUMN] == c) {
                        dirtyEntries[n++] = e;
                    }
                }
            }
            flushOrder.sort(dirtyEntries, n, entries, STRIDE, KEY_AT, KEY_LENGTH, arena);
            for (int i = 0; i < n; i++) {
                add(dirtyEntries[i]);
            }
        }
        Arrays.fill(dirtyBits, 0L);
        write();
        dirty = 0;
    }

    /**
     * From now on keeps at most {@link #DIRTY_LIMIT} entries dirty. The backend calls it when it is first checkpointed:
     * without checkpoints, writing entries back early only adds writes (a key written again is written back again).
     */
    void boundDirtyEntries() {
        dirtyLimit = DIRTY_LIMIT;
    }

    private void writeBackIfManyDirty() {
        if (dirty > dirtyLimit) {
            flush();
        }
    }

    /** Flushes, then forgets every entry: for writes that reach RocksDB past the cache (restores). */
    void invalidate() {
        flush();
        if (size == 0) {
            // A restore calls this per entry: clearing an empty table again each time would cost its whole length.
            return;
        }
        Arrays.fill(slots, 0L);
        Arrays.fill(entries, 0, unused * STRIDE, 0);
        freeEntries = NONE;
        unused = 0;
        hand = 0;
        lastEntry = NONE;
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

    private void remember(byte[] key, int c, int e) {
        lastKey = key;
        lastColumn = c;
        lastEntry = e;
    }

    private void insert(int c, byte[] key, int h, byte[] value, boolean isDirty) {
        int length = value == null ? ABSENT : value.length;
        int room = Math.max(length, 0);
        int keyAt = allocate(key.length + room);
        System.arraycopy(key, 0, arena, keyAt, key.length);
        if (length > 0) {
            System.arraycopy(value, 0, arena, keyAt + key.length, length);
        }
        int e = newEntry();
        int at = e * STRIDE;
        entries[at + HASH] = h;
        entries[at + COLUMN] = c;
        entries[at + KEY_AT] = keyAt;
        entries[at + KEY_LENGTH] = key.length;
        entries[at + VALUE_AT] = keyAt + key.length;
        entries[at + VALUE_LENGTH] = length;
        entries[at + VALUE_ROOM] = room;
        entries[at + FLAGS] = LIVE;
        if (isDirty) {
            markDirty(e);
        }
        if (++size > slots.length >>> 1) {
            growSlots();
        }
        place(e, h);
        remember(key, c, e);
        bytes += key.length + room + ENTRY_OVERHEAD;
        evictIfFull();
        if (isDirty) {
            writeBackIfManyDirty();
        }
    }

    /** Evicts entries down to {@link #EVICT_TO} of the capacity, in clock order, writing the dirty ones in one batch. */
    private void evictIfFull() {
        long capacity = Math.min(capacity(), MAX_BYTES);
        if (bytes <= capacity) {
            return;
        }
        long target = (long) (capacity * EVICT_TO);
        while (bytes > target && size > 0) {
            int e = hand;
            hand = hand + 1 == unused ? 0 : hand + 1;
            int at = e * STRIDE;
            int flags = entries[at + FLAGS];
            if ((flags & REFERENCED) != 0) {
                entries[at + FLAGS] = flags & ~REFERENCED;
                continue;
            }
            if ((flags & LIVE) == 0) {
                continue;
            }
            if (isDirty(e)) {
                add(e);
                dirtyBits[e >>> 6] &= ~(1L << e);
                dirty--;
            }
            unplace(e);
            size--;
            bytes -= entries[at + KEY_LENGTH] + Math.max(entries[at + VALUE_LENGTH], 0) + ENTRY_OVERHEAD;
            garbage += entries[at + KEY_LENGTH] + entries[at + VALUE_ROOM];
            entries[at + FLAGS] = 0;
            entries[at + VALUE_AT] = freeEntries;
            freeEntries = e;
            if (e == lastEntry) {
                lastEntry = NONE;
            }
        }
        write();
    }

    /** Adds entry {@code e}'s key and value to the pending batch, writing the batch when it is large. */
    private void add(int e) {
        int at = e * STRIDE;
        Column column = columns[entries[at + COLUMN]];
        column.mayHoldEntries = true;
        int keyAt = entries[at + KEY_AT];
        int keyLength = entries[at + KEY_LENGTH];
        int valueLength = entries[at + VALUE_LENGTH];
        boolean due = valueLength == ABSENT
                ? batch.delete(column.familyId, arena, keyAt, keyLength)
                : batch.put(column.familyId, arena, keyAt, keyLength, arena, entries[at + VALUE_AT], valueLength);
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
            batch.delete(column.familyId, key, 0, key.length);
        } else {
            batch.put(column.familyId, key, 0, key.length, value, 0, value.length);
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
            if ((int) (slot >>> 32) == h) {
                int e = (int) slot - 1;
                int at = e * STRIDE;
                int keyAt = entries[at + KEY_AT];
                if (entries[at + COLUMN] == c && entries[at + KEY_LENGTH] == key.length
                        && Arrays.equals(arena, keyAt, keyAt + key.length, key, 0, key.length)) {
                    return e;
                }
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
        int i = entries[e * STRIDE + HASH] & mask;
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
            freeEntries = entries[e * STRIDE + VALUE_AT];
            return e;
        }
        if (unused * STRIDE == entries.length) {
            entries = Arrays.copyOf(entries, entries.length << 1);
            dirtyBits = Arrays.copyOf(dirtyBits, (entries.length / STRIDE) >>> 6);
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
            for (int at = 0; at < unused * STRIDE; at += STRIDE) {
                if ((entries[at + FLAGS] & LIVE) == 0) {
                    continue;
                }
                int keyLength = entries[at + KEY_LENGTH];
                System.arraycopy(arena, entries[at + KEY_AT], bigger, top, keyLength);
                entries[at + KEY_AT] = top;
                top += keyLength;
                int value = Math.max(entries[at + VALUE_LENGTH], 0);
                System.arraycopy(arena, entries[at + VALUE_AT], bigger, top, value);
                entries[at + VALUE_AT] = top;
                entries[at + VALUE_ROOM] = value;
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
        /** The column family's id, read once: {@link ColumnFamilyHandle#getID()} is a native call. */
        final int familyId;
        boolean mayHoldEntries;
        /** Its number in the cache that uses it, -1 before its first use. */
        int id = -1;

        Column(ColumnFamilyHandle handle, boolean mayHoldEntries) {
            this.handle = handle;
            this.familyId = handle.getID();
            this.mayHoldEntries = mayHoldEntries;
        }
    }
}
