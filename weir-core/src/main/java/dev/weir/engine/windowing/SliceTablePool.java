package dev.weir.engine.windowing;

import java.util.Arrays;

/**
 * Slice tables no longer in use, kept with their arrays for the next slice (or suffix combination), so a steady
 * stream allocates no tables.
 */
final class SliceTablePool {
    private SliceTable[] free = new SliceTable[8];
    private int count;

    /** An empty table: a released one when there is one. */
    SliceTable take() {
        if (count == 0) {
            return new SliceTable();
        }
        SliceTable table = free[--count];
        free[count] = null;
        return table;
    }

    /** Empties {@code table} and keeps it for {@link #take}. */
    void release(SliceTable table) {
        table.clear();
        if (count == free.length) {
            free = Arrays.copyOf(free, count * 2);
        }
        free[count++] = table;
    }
}
