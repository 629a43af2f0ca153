package dev.weir.sql.runtime;

import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.types.Row;

import java.io.Serializable;

/**
 * The GROUP BY columns of a window's result row, in the query's order: each a field of the key a
 * {@link GroupKeySelector} made, or one of the firing window's bounds, boxed once per window because a firing emits
 * every key's rows of one window.
 */
final class WindowGroupColumns implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] sources;
    /**
     * The bounds of the window last seen, 0 and 0 (no window's) before the first: compared without a first-row test
     * (a null box), a branch the JIT compiles away once it profiled a job past its first window and the next job's
     * first window then discards the compiled code.
     */
    private transient long start;
    private transient long end;
    private transient Long boxedStart;
    private transient Long boxedEnd;
    private transient Long boxedTime;

    /**
     * {@code sources[i]} is a field index of the key, or {@link WindowAggregateOutput#WINDOW_START},
     * {@link WindowAggregateOutput#WINDOW_END}, {@link WindowAggregateOutput#WINDOW_TIME}.
     */
    WindowGroupColumns(int[] sources) {
        this.sources = sources.clone();
    }

    /** How many columns {@link #fill} writes: the row's first. */
    int count() {
        return sources.length;
    }

    /** Makes {@code window} the one whose bounds the next rows carry. */
    void window(TimeWindow window) {
        if (window.getStart() != start || window.getEnd() != end) {
            start = window.getStart();
            end = window.getEnd();
            boxedStart = start;
            boxedEnd = end;
            boxedTime = end - 1;
        }
    }

    /** Writes the group columns of {@code key} and the current window into the row's first {@link #count()} fields. */
    void fill(Row row, Object key) {
        for (int i = 0; i < sources.length; i++) {
            int source = sources[i];
            row.setField(i, source == WindowAggregateOutput.WINDOW_START ? boxedStart
                    : source == WindowAggregateOutput.WINDOW_END ? boxedEnd
                    : source == WindowAggregateOutput.WINDOW_TIME ? boxedTime : GroupKeySelector.column(key, source));
        }
    }
}
