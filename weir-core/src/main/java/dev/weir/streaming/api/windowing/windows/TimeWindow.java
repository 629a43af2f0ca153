package dev.weir.streaming.api.windowing.windows;

import dev.weir.streaming.api.windowing.assigners.MergingWindowAssigner;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A window of time from {@code start} (inclusive) to {@code end} (exclusive), as in Flink. */
public final class TimeWindow extends Window implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long start;
    private final long end;

    public TimeWindow(long start, long end) {
        this.start = start;
        this.end = end;
    }

    public long getStart() {
        return start;
    }

    public long getEnd() {
        return end;
    }

    /** {@code end - 1}: the last timestamp inside the window. */
    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    /** Whether the two windows overlap or touch ({@code [0,5)} and {@code [5,10)} intersect, as in Flink). */
    public boolean intersects(TimeWindow other) {
        return this.start <= other.end && this.end >= other.start;
    }

    /** The smallest window that contains both. */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /**
     * The start of the window of size {@code windowSize} and offset {@code offset} that contains {@code timestamp};
     * correct for negative timestamps too.
     */
    public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
        long remainder = (timestamp - offset) % windowSize;
        return remainder < 0 ? timestamp - (remainder + windowSize) : timestamp - remainder;
    }

    /**
     * Merges overlapping or touching windows: sorts by start and reports every group of two or more windows with the
     * window that covers the group.
     */
    public static void mergeWindows(Collection<TimeWindow> windows, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingLong(TimeWindow::getStart));
        TimeWindow cover = null;
        Set<TimeWindow> group = null;
        for (TimeWindow candidate : sorted) {
            if (cover != null && cover.intersects(candidate)) {
                cover = cover.cover(candidate);
                group.add(candidate);
                continue;
            }
            if (group != null && group.size() > 1) {
                callback.merge(group, cover);
            }
            cover = candidate;
            group = new HashSet<>();
            group.add(candidate);
        }
        if (group != null && group.size() > 1) {
            callback.merge(group, cover);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindow w && w.start == start && w.end == end;
    }

    @Override
    public int hashCode() {
        // Flink's hash (bit-mixed start + end), so hash-ordered merge groups iterate in the order Flink's do.
        long in = start + end;
        in = (in ^ (in >>> 30)) * 0xbf58476d1ce4e5b9L;
        in = (in ^ (in >>> 27)) * 0x94d049bb133111ebL;
        in = in ^ (in >>> 31);
        return (int) in;
    }

    @Override
    public String toString() {
        return "TimeWindow{start=" + start + ", end=" + end + "}";
    }
}
