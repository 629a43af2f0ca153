package dev.weir.sql.runtime;

import dev.weir.sql.udf.FunctionInvoker;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.types.Row;
import dev.weir.util.Collector;

/**
 * Emits a group window's table aggregate, as Flink's {@code GroupWindowTableAggregate} does: when a window fires, its
 * accumulator (the one aggregate result the window operator hands over) goes to the function's {@code emitValue} once,
 * and each value emitted becomes an insert row of the GROUP BY columns in the query's order (each a key field or one of
 * the window's bounds, as in {@link WindowAggregateOutput}), then the value's ROW once per aggregate call reading it.
 */
public final class WindowTableAggregateOutput extends ProcessWindowFunction<Object[], Row, Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final WindowGroupColumns groupColumns;
    private final FunctionInvoker emitValue;
    private final int columns;
    private final int copies;
    private transient Emitted emitted;

    /**
     * {@code groupColumns[i]}: a field index of the key a {@link GroupKeySelector} made, or one of
     * {@link WindowAggregateOutput#WINDOW_START}, {@code WINDOW_END}, {@code WINDOW_TIME}; {@code columns}: the fields
     * of one emitted value; {@code copies}: how many ROW columns hold it (the plan may read each field through a call
     * of its own).
     */
    public WindowTableAggregateOutput(int[] groupColumns, FunctionInvoker emitValue, int columns, int copies) {
        this.groupColumns = new WindowGroupColumns(groupColumns);
        this.emitValue = emitValue;
        this.columns = columns;
        this.copies = copies;
    }

    @Override
    public void process(Object key, Context context, Iterable<Object[]> elements, Collector<Row> out) {
        if (emitted == null) {
            emitted = new Emitted();
        }
        groupColumns.window(context.window());
        emitted.reset(key, out);
        for (Object[] accumulators : elements) {
            emitValue.invoke(accumulators[0], emitted.asArgument);
        }
    }

    /** The collector emitValue writes to: each value becomes a result row of the firing key and window. */
    private final class Emitted implements Collector<Object> {
        final Object[] asArgument = {this};
        private Object key;
        private Collector<Row> out;

        void reset(Object key, Collector<Row> out) {
            this.key = key;
            this.out = out;
        }

        @Override
        public void collect(Object value) {
            int first = groupColumns.count();
            Row row = new Row(first + copies);
            groupColumns.fill(row, key);
            Row fields = EmittedValue.fields(value, columns);
            for (int i = 0; i < copies; i++) {
                row.setField(first + i, fields);
            }
            out.collect(row);
        }
    }
}
