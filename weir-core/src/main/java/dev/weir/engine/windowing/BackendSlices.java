package dev.weir.engine.windowing;

import dev.weir.engine.state.SlicedKeyedState;
import java.util.Arrays;

/**
 * The slices of a {@link SlicingWindowOperator} kept by the state backend ({@link SlicedKeyedState}, RocksDB) instead
 * of in heap tables: only the starts of the live slices stay on the heap. An element reads its key's partial in its
 * slice, adds to it and writes it back; a window reads its slices key by key through one cursor and combines each
 * key's partials in time order, so a firing holds one key at a time, never the window's keys.
 */
final class BackendSlices {
    private final SlicedKeyedState state;
    private final SliceFunction function;
    /** The starts of the slices that hold entries, sorted, in {@code [0, count)}. */
    private long[] starts = new long[8];
    private int count;
    /** The slices of the window being emitted, and its cursor (null when no window is being emitted). */
    private long[] reading = new long[8];
    private int readingCount;
    private SlicedKeyedState.Cursor cursor;

    BackendSlices(SlicedKeyedState state, SliceFunction function) {
        this.state = state;
        this.function = function;
        state.forEachSlice(this::note);
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The start of the earliest live slice; only when not empty. */
    long firstStart() {
        return starts[0];
    }

    /** Adds {@code value} to the current key's partial in the slice starting at {@code slice}. */
    void add(long slice, Object value) throws Exception {
        state.put(slice, function.add(state.get(slice), value));
        note(slice);
    }

    /** Starts reading the window {@code [start, end)}; false when none of its slices holds an entry. */
    boolean open(long start, long end) {
        readingCount = 0;
        for (int i = 0; i < count && starts[i] < end; i++) {
            if (starts[i] >= start) {
                if (readingCount == reading.length) {
                    reading = Arrays.copyOf(reading, readingCount * 2);
                }
                reading[readingCount++] = starts[i];
            }
        }
        if (readingCount == 0) {
            return false;
        }
        cursor = state.read(reading, readingCount);
        return true;
    }

    /** Moves to the open window's next key; false (and the window closed) when every key was read. */
    boolean next() {
        if (cursor.next()) {
            return true;
        }
        close();
        return false;
    }

    Object key() {
        return cursor.key();
    }

    /** The current key's input to the window function: its partials of the window's slices combined in time order. */
    Object result() throws Exception {
        Object combined = null;
        int partials = 0;
        for (int i = 0; i < readingCount; i++) {
            Object partial = cursor.value(i);
            if (partial != null) {
                combined = partials == 0 ? partial
                        : partials == 1 ? function.combine(function.startMany(combined), partial)
                        : function.combine(combined, partial);
                partials++;
            }
        }
        return function.result(combined, partials == 1);
    }

    /** Drops the slices that start before {@code start}: no window left to fire needs them. */
    void dropBefore(long start) {
        int dropped = 0;
        while (dropped < count && starts[dropped] < start) {
            state.remove(starts[dropped++]);
        }
        if (dropped > 0) {
            System.arraycopy(starts, dropped, starts, 0, count - dropped);
            count -= dropped;
        }
    }

    /** Closes the cursor of a window being emitted (a task cancelled mid-firing). */
    void close() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }

    private void note(long slice) {
        if (count > 0 && starts[count - 1] == slice) {
            return;
        }
        int at = Arrays.binarySearch(starts, 0, count, slice);
        if (at >= 0) {
            return;
        }
        at = -at - 1;
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
        }
        System.arraycopy(starts, at, starts, at + 1, count - at);
        starts[at] = slice;
        count++;
    }
}
