package dev.weir.engine.windowing;

import java.util.Arrays;

/**
 * The partial aggregates of one time slice, by key: an open-addressing table (linear probing, power-of-two
 * capacity) in parallel arrays, so that a lookup allocates nothing and a window firing walks the slice's keys in
 * array order instead of chasing one timer and one map entry per key. Entries are only added or cleared all at
 * once: a slice lives until its last window fired.
 *
 * <p>While every key is a {@code Long} (the usual case) a slot costs 16 bytes: the key's value in a {@code long[]}
 * (probes compare it and never read a key object, which is cold, scattered over the heap), a marker in the key
 * array, and the value; the boxed key is not kept, and neither are hashes (the value gives them again). A key of
 * another type turns the table into an ordinary one, with key objects and their hashes.
 */
final class SliceTable {
    private static final int MIN_CAPACITY = 16;
    /** Stands in the key array for a {@code Long} key kept as its value in {@code longKeys}. */
    private static final Object LONG_KEY = new Object();

    /** The slice's first timestamp; the slice ends at {@code start + sliceSize}. */
    long start;
    private Object[] keys;
    private Object[] values;
    private long[] longKeys;
    /** The keys' spread hashes; only once a key that is not a {@code Long} arrived (null while all are). */
    private int[] hashes;
    private boolean allLongs = true;
    /** Per entry, how many partials a window's combination holds; only for {@link WindowAssembly}'s table. */
    private int[] counts;
    private final boolean counting;
    private int size;
    private int mask;
    private int shift;

    SliceTable() {
        this(false);
    }

    SliceTable(boolean counting) {
        this.counting = counting;
        allocate(MIN_CAPACITY);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The slots are 0 until this; a slot holds an entry when {@link #occupied}. */
    int capacity() {
        return keys.length;
    }

    /** Whether the slot holds an entry. */
    boolean occupied(int slot) {
        return keys[slot] != null;
    }

    /** The key of an occupied slot ({@code Long} keys are boxed again here). */
    Object key(int slot) {
        Object key = keys[slot];
        return key == LONG_KEY ? Long.valueOf(longKeys[slot]) : key;
    }

    Object value(int slot) {
        return values[slot];
    }

    void setValue(int slot, Object value) {
        values[slot] = value;
    }

    /**
     * Whether the value in {@code slot} is one slice's partial as it is (every value of a slice or suffix table; in a
     * combination table, a key only one slice held), rather than a combination of several.
     */
    boolean single(int slot) {
        return !counting || counts[slot] == 1;
    }

    int count(int slot) {
        return counts[slot];
    }

    void setCount(int slot, int count) {
        counts[slot] = count;
    }

    /** The slot of {@code key}, added with a null value when missing. */
    int slot(Object key) {
        if (allLongs && key.getClass() == Long.class) {
            return slotOfLong((Long) key);
        }
        if (allLongs) {
            leaveLongMode();
        }
        int hash = spread(key.hashCode());
        int i = hash >>> shift;
        Object[] ks = keys;
        for (Object k = ks[i]; k != null; k = ks[i]) {
            if (hashes[i] == hash && (k == key || k.equals(key))) {
                return i;
            }
            i = (i + 1) & mask;
        }
        if (size >= (ks.length >> 1) + (ks.length >> 2)) {
            rehash(ks.length * 2);
            return slot(key);
        }
        ks[i] = key;
        hashes[i] = hash;
        size++;
        return i;
    }

    /** The slot of the {@code Long} key {@code value}; only while every key is a {@code Long}. */
    private int slotOfLong(long value) {
        int i = spread(Long.hashCode(value)) >>> shift;
        Object[] ks = keys;
        while (ks[i] != null) {
            if (longKeys[i] == value) {
                return i;
            }
            i = (i + 1) & mask;
        }
        if (size >= (ks.length >> 1) + (ks.length >> 2)) {
            rehash(ks.length * 2);
            return slotOfLong(value);
        }
        ks[i] = LONG_KEY;
        longKeys[i] = value;
        size++;
        return i;
    }

    /**
     * The slot of the key in {@code other}'s slot {@code j}, added with a null value when missing; while both tables
     * hold only {@code Long}s, without boxing or reading a key object.
     */
    int slotOf(SliceTable other, int j) {
        if (allLongs && other.allLongs) {
            return slotOfLong(other.longKeys[j]);
        }
        return slot(other.key(j));
    }

    /** A key that is not a {@code Long} arrived: every key becomes an object again, with its hash. */
    private void leaveLongMode() {
        hashes = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == LONG_KEY) {
                keys[i] = Long.valueOf(longKeys[i]);
                hashes[i] = spread(Long.hashCode(longKeys[i]));
            }
        }
        allLongs = false;
    }

    /** Makes room for {@code entries} keys without growing while they are added (slots stay where they are). */
    void reserve(int entries) {
        int least = entries + entries / 3 + 1;
        int needed = Math.max(MIN_CAPACITY, Integer.highestOneBit(least - 1) << 1);
        if (needed > keys.length) {
            rehash(needed);
        }
    }

    /** Empties the table for reuse by another slice; keeps its capacity unless a burst made it much larger. */
    void clear() {
        if (keys.length > 4 * Math.max(MIN_CAPACITY, size * 2) && keys.length > 1024) {
            allLongs = true;
            allocate(Math.max(MIN_CAPACITY, Integer.highestOneBit(size * 2 + 1) << 1));
        } else if (size > 0) {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
            if (counting) {
                Arrays.fill(counts, 0);
            }
        }
        size = 0;
        allLongs = true;
        hashes = null;
    }

    private void rehash(int capacity) {
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        long[] oldLongs = longKeys;
        int[] oldHashes = hashes;
        int[] oldCounts = counts;
        allocate(capacity);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int hash = allLongs ? spread(Long.hashCode(oldLongs[j])) : oldHashes[j];
                int i = hash >>> shift;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                longKeys[i] = oldLongs[j];
                if (!allLongs) {
                    hashes[i] = hash;
                }
                if (counting) {
                    counts[i] = oldCounts[j];
                }
            }
        }
    }

    private void allocate(int capacity) {
        keys = new Object[capacity];
        values = new Object[capacity];
        longKeys = new long[capacity];
        hashes = allLongs ? null : new int[capacity];
        counts = counting ? new int[capacity] : null;
        mask = capacity - 1;
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    /** Fibonacci hashing on the key's hash: the top bits pick the slot, so keys with close hash codes spread out. */
    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B9;
    }
}
