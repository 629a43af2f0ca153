package dev.weir.engine.windowing;

import java.util.Arrays;

/**
 * Slice tables no longer in use, kept with their arrays for the next slice (or suffix combination), so a steady
 * stream allocates no tables.
 */
final class SliceTablePool {
    private SliceTable[] free = new SliceTable[8];
    private int count;
    /** Longs per entry of the tables made here (see {@link SliceTable}); 0 for object partials. */
    private final int width;

    SliceTablePool(int width) {
        this.width = width;
    }

    /** An empty table: a released one when there is one. */
    SliceTable take() {
        if (count == 0) {
            return new SliceTable(width, false);
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
