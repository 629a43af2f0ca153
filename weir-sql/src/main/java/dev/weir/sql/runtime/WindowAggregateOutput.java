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

    private final WindowGroupColumns groupColumns;

    /**
     * {@code groupColumns[i]} is a field index of the key a {@link GroupKeySelector} made, or {@link #WINDOW_START},
     * {@link #WINDOW_END}, {@link #WINDOW_TIME}.
     */
    public WindowAggregateOutput(int[] groupColumns) {
        this.groupColumns = new WindowGroupColumns(groupColumns);
    }

    @Override
    public void process(Object key, Context context, Iterable<Object[]> elements, Collector<Row> out) {
        groupColumns.window(context.window());
        for (Object[] results : elements) {
            int first = groupColumns.count();
            Row row = new Row(first + results.length);
            groupColumns.fill(row, key);
            for (int i = 0; i < results.length; i++) {
                row.setField(first + i, results[i]);
            }
            out.collect(row);
        }
    }
}
