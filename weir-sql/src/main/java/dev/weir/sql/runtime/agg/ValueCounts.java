package dev.weir.sql.runtime.agg;

import java.io.Serializable;
import java.util.Arrays;

/**
 * How many times each {@code double} value is held: an open-addressing table of the values' bits and their counts in
 * primitive arrays, so adding or taking back a value allocates nothing (but when the table grows). A count may reach
 * zero and stay in the table until it grows; {@link #sorted} skips such values.
 */
final class ValueCounts implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long EMPTY = 0x7ff8_0000_dead_beefL; // a NaN no value takes: values are stored canonicalised

    /** The call's constant percentages, read from the first row (PERCENTILE's, see {@link Percentile}). */
    double[] percentages;
    private long[] bits = newKeys(8);
    private long[] counts = new long[8];
    private int used;

    /** Adds {@code n} (negative: takes back) to the count of {@code value}. */
    void add(double value, long n) {
        long key = Double.doubleToLongBits(value == 0.0 ? 0.0 : value); // -0.0 and 0.0 are one value
        int mask = bits.length - 1;
        int i = spread(key) & mask;
        while (bits[i] != EMPTY && bits[i] != key) {
            i = (i + 1) & mask;
        }
        if (bits[i] == EMPTY) {
            if (2 * (used + 1) > bits.length) {
                grow();
                add(value, n);
                return;
            }
            bits[i] = key;
            used++;
        }
        counts[i] += n;
    }

    /** A new table holding the counts of this one and of {@code other}. */
    ValueCounts plus(ValueCounts other) {
        ValueCounts sum = new ValueCounts();
        sum.percentages = percentages != null ? percentages : other.percentages;
        sum.addAll(this);
        sum.addAll(other);
        return sum;
    }

    private void addAll(ValueCounts other) {
        for (int i = 0; i < other.bits.length; i++) {
            if (other.bits[i] != EMPTY && other.counts[i] != 0) {
                add(Double.longBitsToDouble(other.bits[i]), other.counts[i]);
            }
        }
    }

    /**
     * The values held a positive number of times, ascending, in {@code values[0..n)} with their counts in
     * {@code counts}; returns n. Both arrays are this table's size at least (see {@link #capacity}).
     */
    int sorted(double[] values, long[] countsOut) {
        int n = 0;
        for (int i = 0; i < bits.length; i++) {
            if (bits[i] != EMPTY && counts[i] > 0) {
                values[n++] = Double.longBitsToDouble(bits[i]);
            }
        }
        Arrays.sort(values, 0, n);
        for (int i = 0; i < n; i++) {
            countsOut[i] = count(values[i]);
        }
        return n;
    }

    int capacity() {
        return bits.length;
    }

    private long count(double value) {
        long key = Double.doubleToLongBits(value);
        int mask = bits.length - 1;
        int i = spread(key) & mask;
        while (bits[i] != key) {
            i = (i + 1) & mask;
        }
        return counts[i];
    }

    private void grow() {
        long[] oldBits = bits;
        long[] oldCounts = counts;
        int live = 0;
        for (int i = 0; i < oldBits.length; i++) {
            if (oldBits[i] != EMPTY && oldCounts[i] != 0) {
                live++;
            }
        }
        // Values whose count fell to zero are dropped here, so a table of retracted values does not grow forever.
        int size = Integer.highestOneBit(Math.max(8, 4 * (live + 1)) - 1) << 1;
        bits = newKeys(size);
        counts = new long[size];
        used = 0;
        for (int i = 0; i < oldBits.length; i++) {
            if (oldBits[i] != EMPTY && oldCounts[i] != 0) {
                add(Double.longBitsToDouble(oldBits[i]), oldCounts[i]);
            }
        }
    }

    private static long[] newKeys(int size) {
        long[] keys = new long[size];
        Arrays.fill(keys, EMPTY);
        return keys;
    }

    private static int spread(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
