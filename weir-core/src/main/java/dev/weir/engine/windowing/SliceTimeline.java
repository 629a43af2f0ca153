package dev.weir.engine.windowing;

import java.util.Arrays;

/**
 * The live slices of a slicing window operator, sorted by start between {@code head} and {@code tail}. In-order
 * input hits the newest slice; out-of-order input finds its slice by binary search. Slices no window needs any more
 * are dropped from the head and their tables kept for reuse, so a steady stream allocates no tables.
 */
final class SliceTimeline {
    private SliceTable[] slices = new SliceTable[8];
    private int head;
    private int tail;
    private final SliceTablePool free;
    /** How many keys a recent slice held: a new table starts that large instead of growing up to it. */
    private int sizeHint;

    /** A timeline whose tables keep {@code width} longs per entry (0 for object partials; see {@link SliceTable}). */
    SliceTimeline(int width) {
        free = new SliceTablePool(width);
    }

    boolean isEmpty() {
        return head == tail;
    }

    int head() {
        return head;
    }

    int tail() {
        return tail;
    }

    SliceTable at(int index) {
        return slices[index];
    }

    /** The start of the earliest slice; only when not empty. */
    long firstStart() {
        return slices[head].start;
    }

    /** The index of the first slice starting at or after {@code start} ({@link #tail} when none does). */
    int firstAtOrAfter(long start) {
        int i = head;
        while (i < tail && slices[i].start < start) {
            i++;
        }
        return i;
    }

    /** The table of the slice starting at {@code start}, created when missing. */
    SliceTable tableFor(long start) {
        if (tail > head) {
            SliceTable last = slices[tail - 1];
            if (last.start == start) {
                return last;
            }
            if (last.start < start) {
                return insertAt(tail, start);
            }
            int lo = head;
            int hi = tail - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                long s = slices[mid].start;
                if (s < start) {
                    lo = mid + 1;
                } else if (s > start) {
                    hi = mid - 1;
                } else {
                    return slices[mid];
                }
            }
            return insertAt(lo, start);
        }
        return insertAt(tail, start);
    }

    /** Drops the slices that start before {@code start}, keeping their tables for reuse. */
    void dropBefore(long start) {
        while (head < tail && slices[head].start < start) {
            SliceTable dropped = slices[head];
            slices[head] = null;
            head++;
            sizeHint = dropped.size();
            free.release(dropped);
        }
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }

    private SliceTable insertAt(int index, long start) {
        if (tail == slices.length) {
            int shift = head;
            if (shift > 0 && tail - head < slices.length / 2) {
                System.arraycopy(slices, head, slices, 0, tail - head);
                Arrays.fill(slices, tail - head, tail, null);
            } else {
                shift = 0;
                slices = Arrays.copyOf(slices, slices.length * 2);
            }
            head -= shift;
            tail -= shift;
            index -= shift;
        }
        System.arraycopy(slices, index, slices, index + 1, tail - index);
        SliceTable table = free.take();
        table.reserve(Math.max(sizeHint, tail > head ? slices[tail - 1].size() : 0));
        table.start = start;
        slices[index] = table;
        tail++;
        return table;
    }
}
