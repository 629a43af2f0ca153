package dev.weir.sql.runtime.agg;

import java.io.Serializable;

/**
 * A set of {@code long}s in one open-addressing table (linear probing, at most half full): the distinct integer values
 * an insert-only COUNT(DISTINCT x) has seen. Adding a value costs a multiply and usually one probe, with no boxing
 * and no entry object, where a {@code HashMap<Long, Long>} allocates a node per value and boxes counts.
 */
final class DistinctLongs implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Marks a free slot; the value itself is tracked by {@link #hasFree}. */
    private static final long FREE = 0L;

    private long[] slots = new long[16];
    private int size;
    private boolean hasFree;

    /** The number of distinct values added. */
    int size() {
        return size + (hasFree ? 1 : 0);
    }

    /** Adds {@code value}; nothing changes when it is already held. */
    void add(long value) {
        if (value == FREE) {
            hasFree = true;
            return;
        }
        int mask = slots.length - 1;
        int at = slot(value, mask);
        while (slots[at] != FREE) {
            if (slots[at] == value) {
                return;
            }
            at = (at + 1) & mask;
        }
        slots[at] = value;
        if (++size * 2 > slots.length) {
            grow();
        }
    }

    /** A new set holding the values of this one and of {@code other}; both stay as they are. */
    DistinctLongs union(DistinctLongs other) {
        DistinctLongs union = new DistinctLongs();
        union.addAll(this);
        union.addAll(other);
        return union;
    }

    private void addAll(DistinctLongs other) {
        for (long v : other.slots) {
            if (v != FREE) {
                add(v);
            }
        }
        hasFree |= other.hasFree;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long v : old) {
            if (v != FREE) {
                int at = slot(v, mask);
                while (slots[at] != FREE) {
                    at = (at + 1) & mask;
                }
                slots[at] = v;
            }
        }
    }

    /** Fibonacci hashing: the high bits of the product spread consecutive ids over the table. */
    private static int slot(long value, int mask) {
        return (int) ((value * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
}
