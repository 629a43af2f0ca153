package dev.weir.sql.runtime.agg;

import java.io.Serializable;

/**
 * The distinct values of one integer column seen by up to eight insert-only COUNT(DISTINCT x) calls, each with its own
 * FILTER, in one open-addressing table (linear probing, at most half full): per value, a bit for each call that saw
 * it, and per call how many values it saw. Flink's distinct views share one map per column across a query's filtered
 * calls the same way, so that q16's eight COUNT(DISTINCT ...) FILTER calls over two columns probe twice per bid, not
 * eight times. Adding a value costs a multiply and usually one probe, with no boxing and no entry object.
 */
final class DistinctLongs implements Serializable {
    private static final long serialVersionUID = 2L;
    /** The most calls one table serves: a value's bits are one byte. */
    static final int MAX_CALLS = 8;
    /** Marks a free slot; the value itself keeps its bits in {@link #freeValueCalls}. */
    private static final long FREE = 0L;

    private long[] slots = new long[16];
    /** The calls that saw the value in the same slot of {@link #slots}. */
    private byte[] calls = new byte[16];
    private int used;
    private byte freeValueCalls;
    /** Per call, the number of distinct values it saw. */
    private final int[] counts;

    /** A table for {@code calls} calls (1 to {@link #MAX_CALLS}). */
    DistinctLongs(int calls) {
        if (calls < 1 || calls > MAX_CALLS) {
            throw new IllegalArgumentException("1 to " + MAX_CALLS + " calls, not " + calls);
        }
        this.counts = new int[calls];
    }

    /** The number of distinct values call {@code call} saw. */
    int count(int call) {
        return counts[call];
    }

    /** Adds {@code value} for the calls whose bits are set in {@code callBits}; a value a call already saw changes nothing. */
    void add(long value, int callBits) {
        if (value == FREE) {
            freeValueCalls = (byte) mark(freeValueCalls, callBits);
            return;
        }
        int mask = slots.length - 1;
        int at = slot(value, mask);
        long held;
        while ((held = slots[at]) != FREE) {
            if (held == value) {
                calls[at] = (byte) mark(calls[at], callBits);
                return;
            }
            at = (at + 1) & mask;
        }
        slots[at] = value;
        calls[at] = (byte) mark(0, callBits);
        if (++used * 2 > slots.length) {
            grow();
        }
    }

    /** Counts the calls of {@code callBits} that {@code seen} lacks, and returns the union. */
    private int mark(int seen, int callBits) {
        int fresh = callBits & ~seen & 0xFF;
        while (fresh != 0) {
            counts[Integer.numberOfTrailingZeros(fresh)]++;
            fresh &= fresh - 1;
        }
        return seen | callBits;
    }

    /** A new table holding the values of this one and of {@code other} for each call; both stay as they are. */
    DistinctLongs union(DistinctLongs other) {
        DistinctLongs union = new DistinctLongs(counts.length);
        union.addAll(this);
        union.addAll(other);
        return union;
    }

    private void addAll(DistinctLongs other) {
        for (int i = 0; i < other.slots.length; i++) {
            if (other.slots[i] != FREE) {
                add(other.slots[i], other.calls[i] & 0xFF);
            }
        }
        if (other.freeValueCalls != 0) {
            add(FREE, other.freeValueCalls & 0xFF);
        }
    }

    private void grow() {
        long[] oldSlots = slots;
        byte[] oldCalls = calls;
        slots = new long[oldSlots.length * 2];
        calls = new byte[slots.length];
        int mask = slots.length - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            long v = oldSlots[i];
            if (v != FREE) {
                int at = slot(v, mask);
                while (slots[at] != FREE) {
                    at = (at + 1) & mask;
                }
                slots[at] = v;
                calls[at] = oldCalls[i];
            }
        }
    }

    /** Fibonacci hashing: the high bits of the product spread consecutive ids over the table. */
    private static int slot(long value, int mask) {
        return (int) ((value * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
}
