package dev.weir.sql.runtime;

import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.types.Row;
import dev.weir.util.Collector;

/**
 * Builds a window aggregate's output rows: the GROUP BY columns in the query's order, each a key field or one of the
 * window's bounds, then the aggregate results.
 */
public final class WindowAggregateOutput extends ProcessWindowFunction<Object[], Row, Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    public static final int WINDOW_START = -1;
    public static final int WINDOW_END = -2;
    public static final int WINDOW_TIME = -3;

    private final int[] groupColumns;
    /**
     * The bounds of the window last emitted, 0 and 0 (no window's) before the first: compared without a first-row test
     * (a null box), a branch the JIT compiles away once it profiled a job past its first window and the next job's
     * first window then discards the compiled code.
     */
    private transient long start;
    private transient long end;
    /** The bounds of the window last emitted, boxed; the rows of one window share them. */
    private transient Long boxedStart;
    private transient Long boxedEnd;
    private transient Long boxedTime;

    /**
     * {@code groupColumns[i]} is a field index of the key a {@link GroupKeySelector} made, or {@link #WINDOW_START},
     * {@link #WINDOW_END}, {@link #WINDOW_TIME}.
     */
    public WindowAggregateOutput(int[] groupColumns) {
        this.groupColumns = groupColumns.clone();
    }

    @Override
    public void process(Object key, Context context, Iterable<Object[]> elements, Collector<Row> out) {
        TimeWindow window = context.window();
        if (window.getStart() != start || window.getEnd() != end) {
            // A firing emits every key's row of one window: its bounds are boxed once, not once per key.
            start = window.getStart();
            end = window.getEnd();
            boxedStart = start;
            boxedEnd = end;
            boxedTime = end - 1;
        }
        for (Object[] results : elements) {
            Row row = new Row(groupColumns.length + results.length);
            for (int i = 0; i < groupColumns.length; i++) {
                int source = groupColumns[i];
                row.setField(i, source == WINDOW_START ? boxedStart : source == WINDOW_END ? boxedEnd
                        : source == WINDOW_TIME ? boxedTime : GroupKeySelector.column(key, source));
            }
            for (int i = 0; i < results.length; i++) {
                row.setField(groupColumns.length + i, results[i]);
            }
            out.collect(row);
        }
    }
}
