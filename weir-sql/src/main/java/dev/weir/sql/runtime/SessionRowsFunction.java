package dev.weir.sql.runtime;

import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.types.Row;
import dev.weir.util.Collector;

/**
 * The SESSION window table function itself: when a session of a PARTITION BY key closes, each of its rows with
 * {@code window_start}, {@code window_end} and {@code window_time} (end - 1 ms) appended, as Flink emits them.
 */
public final class SessionRowsFunction extends ProcessWindowFunction<Row, Row, Row, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(Row key, Context context, Iterable<Row> elements, Collector<Row> out) {
        TimeWindow window = context.window();
        for (Row in : elements) {
            int arity = in.getArity();
            Row row = new Row(arity + 3);
            for (int i = 0; i < arity; i++) {
                row.setField(i, in.getField(i));
            }
            row.setField(arity, window.getStart());
            row.setField(arity + 1, window.getEnd());
            row.setField(arity + 2, window.getEnd() - 1);
            out.collect(row);
        }
    }
}
