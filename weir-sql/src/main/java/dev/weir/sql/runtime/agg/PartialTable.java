package dev.weir.sql.runtime.agg;

import java.util.Arrays;

/**
 * The accumulators of a {@link LocalWindowAggregate}'s bundle: one {@code long[]} per grouping key and slice, found by
 * open addressing on the pair and kept in the order the pairs first came, so that partials leave in that order (the
 * order the window operator would have met the keys in). Capacity is fixed; the bundle ends when it is full.
 */
final class PartialTable {
    private final int capacity;
    /** Dense position + 1 of each hash slot's pair, 0 for an empty slot; twice the capacity, a power of two. */
    private final int[] index;
    private final int mask;
    private final Object[] keys;
    /** The value of each key while {@link #allLongs}: compared without reading the key objects of earlier rows. */
    private final long[] longKeys;
    /** Whether every key added since the last {@link #clear} is a {@code Long} (a one-column integer GROUP BY). */
    private boolean allLongs = true;
    private final long[] slices;
    private final long[][] accumulators;
    private int size;

    /** A table for at most {@code capacity} pairs. */
    PartialTable(int capacity) {
        this.capacity = capacity;
        int slots = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
        this.index = new int[slots];
        this.mask = slots - 1;
        this.keys = new Object[capacity];
        this.longKeys = new long[capacity];
        this.slices = new long[capacity];
        this.accumulators = new long[capacity][];
    }

    /** The position of the pair ({@code key}, {@code slice}), or {@code -1 - insertion point} when absent. */
    int find(Object key, long slice) {
        if (allLongs && key.getClass() == Long.class) {
            return findLong((Long) key, slice);
        }
        int h = mix(key.hashCode(), slice) & mask;
        while (true) {
            int at = index[h];
            if (at == 0) {
                return -1 - h;
            }
            at--;
            if (slices[at] == slice && keys[at].equals(key)) {
                return at;
            }
            h = (h + 1) & mask;
        }
    }

    private int findLong(long key, long slice) {
        int h = mix(Long.hashCode(key), slice) & mask;
        while (true) {
            int at = index[h];
            if (at == 0) {
                return -1 - h;
            }
            at--;
            if (slices[at] == slice && longKeys[at] == key) {
                return at;
            }
            h = (h + 1) & mask;
        }
    }

    /** Adds the pair at the insertion point {@link #find} returned; the caller checked that the table is not full. */
    int add(int insertionPoint, Object key, long slice, long[] accumulator) {
        int at = size++;
        keys[at] = key;
        if (allLongs && key.getClass() == Long.class) {
            longKeys[at] = (Long) key;
        } else {
            allLongs = false;
        }
        slices[at] = slice;
        accumulators[at] = accumulator;
        index[-1 - insertionPoint] = at + 1;
        return at;
    }

    boolean isFull() {
        return size == capacity;
    }

    int size() {
        return size;
    }

    Object key(int at) {
        return keys[at];
    }

    long slice(int at) {
        return slices[at];
    }

    long[] accumulator(int at) {
        return accumulators[at];
    }

    /** Forgets every pair (the accumulators now belong to the partials sent). */
    void clear() {
        Arrays.fill(index, 0);
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(accumulators, 0, size, null);
        size = 0;
        allLongs = true;
    }

    private static int mix(int keyHash, long slice) {
        // Murmur-style finish: keys are often small integers and slices multiples of the size, so spread both.
        int h = (keyHash + Long.hashCode(slice) * 0x9E3779B9) * 0x85EBCA6B;
        return h ^ (h >>> 15);
    }
}
