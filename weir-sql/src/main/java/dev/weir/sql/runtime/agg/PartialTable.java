package dev.weir.sql.runtime.agg;

import java.util.Arrays;

/**
 * The accumulators of a {@link LocalWindowAggregate}'s bundle, one per grouping key and slice, found by open addressing
 * on the pair and kept in the order the pairs first came, so that partials leave in that order (the order the window
 * operator would have met the keys in). Capacity is fixed; the bundle ends when it is full.
 *
 * <p>Each pair is one run of {@code long}s in a single array: the key's value (while every key is a {@code Long}), the
 * slice, then the accumulator's slots. A row's lookup and update touch the hash index and that one run, usually one
 * cache line, instead of a key array, a slice array, an array of accumulator references and the accumulator.
 */
final class PartialTable {
    private static final int KEY = 0;
    private static final int SLICE = 1;
    private static final int ACCUMULATOR = 2;

    private final int capacity;
    /** Longs per pair: key, slice and the accumulator. */
    private final int stride;
    /** The accumulator every new pair starts from. */
    private final long[] initial;
    /** Dense position + 1 of each hash slot's pair, 0 for an empty slot; twice the capacity, a power of two. */
    private final int[] index;
    private final int mask;
    private final Object[] keys;
    /** Per pair {@link #stride} longs: the key's value while {@link #allLongs}, the slice, the accumulator. */
    private final long[] pairs;
    /** Whether every key added since the last {@link #clear} is a {@code Long} (a one-column integer GROUP BY). */
    private boolean allLongs = true;
    private int size;

    /** A table for at most {@code capacity} pairs whose accumulators start as copies of {@code initial}. */
    PartialTable(int capacity, long[] initial) {
        this.capacity = capacity;
        this.initial = initial.clone();
        this.stride = ACCUMULATOR + initial.length;
        int slots = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
        this.index = new int[slots];
        this.mask = slots - 1;
        this.keys = new Object[capacity];
        this.pairs = new long[capacity * stride];
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
            if (pairs[at * stride + SLICE] == slice && keys[at].equals(key)) {
                return at;
            }
            h = (h + 1) & mask;
        }
    }

    private int findLong(long key, long slice) {
        int h = mix(Long.hashCode(key), slice) & mask;
        long[] pairs = this.pairs;
        while (true) {
            int at = index[h];
            if (at == 0) {
                return -1 - h;
            }
            at--;
            int base = at * stride;
            if (pairs[base + KEY] == key && pairs[base + SLICE] == slice) {
                return at;
            }
            h = (h + 1) & mask;
        }
    }

    /**
     * Adds the pair at the insertion point {@link #find} returned, its accumulator a copy of the initial one; the caller
     * checked that the table is not full.
     */
    int add(int insertionPoint, Object key, long slice) {
        int at = size++;
        int base = at * stride;
        keys[at] = key;
        if (allLongs && key.getClass() == Long.class) {
            pairs[base + KEY] = (Long) key;
        } else {
            allLongs = false;
        }
        pairs[base + SLICE] = slice;
        System.arraycopy(initial, 0, pairs, base + ACCUMULATOR, initial.length);
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

    /**
     * Pair {@code at}'s key for a partial: while every key is a {@code Long}, a new box of its value, which is in the
     * cache the exchange hashes it in, where the row's own box, allocated when the pair's first row came, is often not.
     */
    Object keyToSend(int at) {
        return allLongs ? Long.valueOf(pairs[at * stride + KEY]) : keys[at];
    }

    long slice(int at) {
        return pairs[at * stride + SLICE];
    }

    /** The array holding every pair's accumulator; pair {@code at}'s starts at {@link #accumulatorOffset(int)}. */
    long[] accumulators() {
        return pairs;
    }

    int accumulatorOffset(int at) {
        return at * stride + ACCUMULATOR;
    }

    /** A copy of pair {@code at}'s accumulator, for a partial that outlives the bundle. */
    long[] copyOfAccumulator(int at) {
        int from = at * stride + ACCUMULATOR;
        return Arrays.copyOfRange(pairs, from, from + initial.length);
    }

    /** Forgets every pair. */
    void clear() {
        Arrays.fill(index, 0);
        Arrays.fill(keys, 0, size, null);
        size = 0;
        allLongs = true;
    }

    private static int mix(int keyHash, long slice) {
        // Murmur-style finish: keys are often small integers and slices multiples of the size, so spread both.
        int h = (keyHash + Long.hashCode(slice) * 0x9E3779B9) * 0x85EBCA6B;
        return h ^ (h >>> 15);
    }
}
