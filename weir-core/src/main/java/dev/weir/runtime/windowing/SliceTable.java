package dev.weir.runtime.windowing;

import java.util.Arrays;

/**
 * The partial aggregates of one time slice, by key: an open-addressing table (linear probing, power-of-two
 * capacity) in parallel arrays, so that a lookup allocates nothing and a window firing walks the slice's keys in
 * array order instead of chasing one timer and one map entry per key. Each entry also keeps its key's key group,
 * computed once when the key arrived, for snapshots. Entries are only added or cleared all at once: a slice lives
 * until its last window fired.
 */
final class SliceTable {
    private static final int MIN_CAPACITY = 16;
    /**
     * Stands in the key array for a {@code Long} key while every key is one: the value lives in {@code longKeys}
     * and the boxed key is not kept, which halves the objects a slice keeps alive for the garbage collector to copy.
     */
    private static final Object LONG_KEY = new Object();

    /** The slice's first timestamp; the slice ends at {@code start + sliceSize}. */
    long start;
    private Object[] keys;
    private Object[] values;
    private int[] hashes;
    private int[] keyGroups;
    /**
     * The values of {@code Long} keys, compared instead of the key objects while every key is a {@code Long} (the
     * usual case): a probe then never reads a stored key object, which is cold, scattered over the heap.
     */
    private long[] longKeys;
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

    /** The slots are 0 until this; a slot holds an entry when {@link #key} is not null. */
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

    int keyGroup(int slot) {
        return keyGroups[slot];
    }

    int count(int slot) {
        return counts[slot];
    }

    void setCount(int slot, int count) {
        counts[slot] = count;
    }

    /** The slot of {@code key}, added with a null value when missing. */
    int slot(Object key, int keyGroup) {
        int hash = spread(key.hashCode());
        int i = hash >>> shift;
        Object[] ks = keys;
        if (allLongs && key.getClass() == Long.class) {
            long value = (Long) key;
            while (ks[i] != null) {
                if (longKeys[i] == value) {
                    return i;
                }
                i = (i + 1) & mask;
            }
        } else {
            if (allLongs) {
                boxLongKeys();
            }
            for (Object k = ks[i]; k != null; k = ks[i]) {
                if (hashes[i] == hash && (k == key || k.equals(key))) {
                    return i;
                }
                i = (i + 1) & mask;
            }
        }
        if (size >= (ks.length >> 1) + (ks.length >> 2)) {
            grow();
            return slot(key, keyGroup);
        }
        if (allLongs) {
            ks[i] = LONG_KEY;
            longKeys[i] = (Long) key;
        } else {
            ks[i] = key;
        }
        hashes[i] = hash;
        keyGroups[i] = keyGroup;
        size++;
        return i;
    }

    /**
     * The slot of the key in {@code other}'s slot {@code j}, added with a null value when missing. Takes the hash
     * and value {@code other} stored, so the key object is not read while both tables hold only {@code Long}s.
     */
    int slotOf(SliceTable other, int j) {
        if (!allLongs || !other.allLongs) {
            return slot(other.key(j), other.keyGroups[j]);
        }
        int hash = other.hashes[j];
        long value = other.longKeys[j];
        int i = hash >>> shift;
        Object[] ks = keys;
        while (ks[i] != null) {
            if (longKeys[i] == value) {
                return i;
            }
            i = (i + 1) & mask;
        }
        if (size >= (ks.length >> 1) + (ks.length >> 2)) {
            grow();
            return slotOf(other, j);
        }
        ks[i] = other.keys[j];
        longKeys[i] = value;
        hashes[i] = hash;
        keyGroups[i] = other.keyGroups[j];
        size++;
        return i;
    }

    /** Leaves the all-{@code Long} mode: a key of another type arrived, so every key must be an object again. */
    private void boxLongKeys() {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == LONG_KEY) {
                keys[i] = Long.valueOf(longKeys[i]);
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
    }

    private void grow() {
        rehash(keys.length * 2);
    }

    private void rehash(int capacity) {
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        int[] oldHashes = hashes;
        int[] oldGroups = keyGroups;
        int[] oldCounts = counts;
        long[] oldLongs = longKeys;
        allocate(capacity);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = oldHashes[j] >>> shift;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                hashes[i] = oldHashes[j];
                longKeys[i] = oldLongs[j];
                keyGroups[i] = oldGroups[j];
                if (counting) {
                    counts[i] = oldCounts[j];
                }
            }
        }
    }

    private void allocate(int capacity) {
        keys = new Object[capacity];
        values = new Object[capacity];
        hashes = new int[capacity];
        longKeys = new long[capacity];
        keyGroups = new int[capacity];
        counts = counting ? new int[capacity] : null;
        mask = capacity - 1;
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    /** Fibonacci hashing on the key's hash: the top bits pick the slot, so keys with close hash codes spread out. */
    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B9;
    }
}
