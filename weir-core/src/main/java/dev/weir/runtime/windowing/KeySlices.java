package dev.weir.runtime.windowing;

import java.util.Arrays;

/**
 * The slices of one key: partial aggregates of consecutive, non-overlapping time slices, kept sorted by start in two
 * parallel arrays ({@code starts}, {@code partials}) between {@code head} and {@code tail}. In-order input hits or
 * appends at the tail; out-of-order input finds its slice by binary search. Slices no window needs any more are
 * dropped from the head. Also holds the time of the key's pending fire timer.
 */
final class KeySlices {
    private long[] starts = new long[4];
    private Object[] partials = new Object[4];
    private int head;
    private int tail;
    /** The timestamp of the key's earliest pending window timer, or Long.MAX_VALUE for none. */
    long nextFire = Long.MAX_VALUE;

    boolean isEmpty() {
        return head == tail;
    }

    /** The index of the slice starting at {@code start}, created (with a null partial) when missing. */
    int slot(long start) {
        if (tail > head) {
            long last = starts[tail - 1];
            if (last == start) {
                return tail - 1;
            }
            if (last < start) {
                return insertAt(tail, start);
            }
            int found = Arrays.binarySearch(starts, head, tail, start);
            if (found >= 0) {
                return found;
            }
            return insertAt(-found - 1, start);
        }
        return insertAt(tail, start);
    }

    Object partial(int slot) {
        return partials[slot];
    }

    void setPartial(int slot, Object partial) {
        partials[slot] = partial;
    }

    int head() {
        return head;
    }

    int tail() {
        return tail;
    }

    long start(int slot) {
        return starts[slot];
    }

    /** The start of the earliest slice; only when not empty. */
    long firstStart() {
        return starts[head];
    }

    /** Drops the slices that start before {@code start}. */
    void dropBefore(long start) {
        while (head < tail && starts[head] < start) {
            partials[head] = null;
            head++;
        }
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }

    private int insertAt(int index, long start) {
        if (tail == starts.length) {
            int shift = head;
            if (shift > 0 && tail - head < starts.length / 2) {
                System.arraycopy(starts, head, starts, 0, tail - head);
                System.arraycopy(partials, head, partials, 0, tail - head);
                Arrays.fill(partials, tail - head, tail, null);
            } else {
                shift = 0;
                starts = Arrays.copyOf(starts, starts.length * 2);
                partials = Arrays.copyOf(partials, partials.length * 2);
            }
            head -= shift;
            tail -= shift;
            index -= shift;
        }
        System.arraycopy(starts, index, starts, index + 1, tail - index);
        System.arraycopy(partials, index, partials, index + 1, tail - index);
        starts[index] = start;
        partials[index] = null;
        tail++;
        return index;
    }
}
