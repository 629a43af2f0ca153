package dev.weir.sql.runtime.agg;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A multiset of non-null values in sorted order: each distinct value once, with how many times it is held, in
 * parallel arrays, so the smallest and largest are read in constant time and taking a value back finds the next
 * extreme in place. Flink's MinWithRetractAggFunction / MaxWithRetractAggFunction keep the same value-to-count map
 * (recomputing the extreme only when it is retracted); here counts are {@code long}s in an array, never boxed, and
 * integer values (BIGINT, INT, SMALLINT, TINYINT) are also kept as {@code long}s so that finding one compares
 * primitives. The values themselves are kept as the rows gave them, so reading an extreme allocates nothing.
 */
final class SortedCounts implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int INITIAL_CAPACITY = 4;

    /** The values as longs, when they are integers; null until the first value, and for other types. */
    private long[] integers;
    private Object[] values = new Object[INITIAL_CAPACITY];
    private long[] counts = new long[INITIAL_CAPACITY];
    private int size;

    /** Whether no value is held. */
    boolean isEmpty() {
        return size == 0;
    }

    /** The smallest value held; only when not {@link #isEmpty()}. */
    Object first() {
        return values[0];
    }

    /** The largest value held; only when not {@link #isEmpty()}. */
    Object last() {
        return values[size - 1];
    }

    /** Holds {@code value} {@code times} more times. */
    void add(Object value, long times) {
        if (size == 0 && integers == null && isInteger(value)) {
            integers = new long[values.length];
        }
        int at = indexOf(value);
        if (at >= 0) {
            counts[at] += times;
            return;
        }
        int insert = -at - 1;
        if (size == values.length) {
            int capacity = size * 2;
            values = Arrays.copyOf(values, capacity);
            counts = Arrays.copyOf(counts, capacity);
            if (integers != null) {
                integers = Arrays.copyOf(integers, capacity);
            }
        }
        System.arraycopy(values, insert, values, insert + 1, size - insert);
        System.arraycopy(counts, insert, counts, insert + 1, size - insert);
        values[insert] = value;
        counts[insert] = times;
        if (integers != null) {
            System.arraycopy(integers, insert, integers, insert + 1, size - insert);
            integers[insert] = ((Number) value).longValue();
        }
        size++;
    }

    /** Holds {@code value} once less; a value no longer held, or never held, is removed (or ignored). */
    void remove(Object value) {
        int at = indexOf(value);
        if (at < 0) {
            return;
        }
        if (--counts[at] > 0) {
            return;
        }
        size--;
        System.arraycopy(values, at + 1, values, at, size - at);
        System.arraycopy(counts, at + 1, counts, at, size - at);
        if (integers != null) {
            System.arraycopy(integers, at + 1, integers, at, size - at);
        }
        values[size] = null;
    }

    /** A new multiset holding the values of this one and of {@code other}. */
    SortedCounts union(SortedCounts other) {
        SortedCounts union = new SortedCounts();
        for (int i = 0; i < size; i++) {
            union.add(values[i], counts[i]);
        }
        for (int i = 0; i < other.size; i++) {
            union.add(other.values[i], other.counts[i]);
        }
        return union;
    }

    /** The value's index, or {@code -(insertion point) - 1} when it is not held. */
    private int indexOf(Object value) {
        if (integers != null) {
            return Arrays.binarySearch(integers, 0, size, ((Number) value).longValue());
        }
        return Arrays.binarySearch(values, 0, size, value, Extremes.NaturalOrder.INSTANCE);
    }

    private static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }
}
