package dev.weir.engine.windowing;

import java.util.Arrays;

/**
 * Assembles the windows of a sliding assigner with many slices per window without combining all of them for each
 * window: the window's slices form a queue in two stacks (Hammer Slide's idea). New slices are folded into one
 * running combination (the back); when the oldest slice leaves and the front is empty, the back's slices move to the
 * front as suffix combinations (slice k combined with every later one of the batch), computed once, newest first,
 * each starting as a copy of the next newer one's arrays. A window is then the front's oldest suffix combined with
 * the back, key by key as its results are emitted ({@link #oldestSuffix()}, {@link #back()}): about three
 * combinations per key and window however many slices a window has, instead of one per slice, and no table is built
 * for the window itself.
 *
 * <p>Combinations never change a stored value (each combination is a fresh accumulator), so suffixes, the back and
 * the slices can share values. An element that lands in a slice already folded in (out-of-order but not late), or a
 * slice created behind the folded ones, invalidates the stacks; the next window is then assembled from its slices
 * again.
 */
final class SlidingAssembly {
    private final SliceFunction function;
    private final SliceTable back;
    private SliceTable[] backSlices = new SliceTable[16];
    private int backCount;
    /** Suffix combinations, oldest slice first, between {@code frontHead} and {@code frontTail}. */
    private SliceTable[] front = new SliceTable[16];
    private long[] frontStarts = new long[16];
    private int frontHead;
    private int frontTail;
    private final SliceTablePool free;
    /** Every slice starting before this is in the front or the back; MIN_VALUE when the stacks are empty. */
    private long frontier = Long.MIN_VALUE;

    SlidingAssembly(SliceFunction function) {
        this.function = function;
        this.back = new SliceTable(function.flatWidth(), false);
        this.free = new SliceTablePool(function.flatWidth());
    }

    /** Whether a change to the slice starting at {@code sliceStart} must invalidate the stacks. */
    boolean covers(long sliceStart) {
        return sliceStart < frontier;
    }

    /** Forgets the stacks; the next window is assembled from its slices. */
    void invalidate() {
        while (frontHead < frontTail) {
            free.release(front[frontHead++]);
        }
        frontHead = 0;
        frontTail = 0;
        back.clear();
        Arrays.fill(backSlices, 0, backCount, null);
        backCount = 0;
        frontier = Long.MIN_VALUE;
    }

    /**
     * Brings the stacks to window {@code [start, end)}, whose slices before {@code start} were retired: the window is
     * then {@link #oldestSuffix()} combined with {@link #back()}, both valid until the stacks change.
     */
    void prepare(SliceTimeline timeline, long start, long end) throws Exception {
        for (int s = timeline.firstAtOrAfter(Math.max(frontier, start)); s < timeline.tail() && timeline.at(s).start < end; s++) {
            push(timeline.at(s));
        }
        frontier = Math.max(frontier, end);
    }

    /** The combination of the window's older slices, by key; null when the back holds all of them. */
    SliceTable oldestSuffix() {
        return frontHead < frontTail ? front[frontHead] : null;
    }

    /** The combination of the window's newer slices, by key (those the suffix does not hold). */
    SliceTable back() {
        return back;
    }

    /** Takes the slices starting before {@code start} out of the stacks; call before the timeline drops them. */
    void retire(long start) throws Exception {
        while (true) {
            if (frontHead == frontTail) {
                if (backCount == 0 || backSlices[0].start >= start) {
                    return;
                }
                flip();
            }
            if (frontStarts[frontHead] >= start) {
                return;
            }
            free.release(front[frontHead++]);
        }
    }

    private void push(SliceTable slice) throws Exception {
        if (slice.isEmpty()) {
            return;
        }
        fold(back, slice, false);
        if (backCount == backSlices.length) {
            backSlices = Arrays.copyOf(backSlices, backCount * 2);
        }
        backSlices[backCount++] = slice;
    }

    /** Moves the back's slices to the front as suffix combinations. */
    private void flip() throws Exception {
        frontHead = 0;
        frontTail = backCount;
        if (front.length < backCount) {
            front = new SliceTable[Integer.highestOneBit(backCount) << 1];
            frontStarts = new long[front.length];
        }
        SliceTable later = null;
        for (int k = backCount - 1; k >= 0; k--) {
            SliceTable suffix = free.take();
            if (later == null) {
                suffix.copyFrom(backSlices[k]);
            } else {
                // A copy of the later suffix's arrays, then slice k's keys: one lookup per key of the slice rather
                // than one per key of the whole suffix; slice k's partial stays first in each combination.
                suffix.copyFrom(later);
                fold(suffix, backSlices[k], true);
            }
            front[k] = suffix;
            frontStarts[k] = backSlices[k].start;
            later = suffix;
        }
        back.clear();
        Arrays.fill(backSlices, 0, backCount, null);
        backCount = 0;
    }

    /**
     * Combines {@code from}'s values with {@code into}'s, key by key: {@code into}'s first, or {@code from}'s when
     * {@code fromFirst} (its slice is the earlier one).
     */
    private void fold(SliceTable into, SliceTable from, boolean fromFirst) throws Exception {
        for (int i = 0, n = from.capacity(); i < n; i++) {
            if (from.occupied(i)) {
                int slot = into.slotOf(from, i);
                if (into.added()) {
                    function.copyInto(into, slot, from, i);
                } else if (fromFirst) {
                    function.combineBefore(into, slot, from, i);
                } else {
                    function.combineInto(into, slot, false, from, i);
                }
            }
        }
    }
}
