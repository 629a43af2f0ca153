package dev.weir.sql.runtime;

import dev.weir.api.common.functions.FlatMapFunction;
import dev.weir.types.Row;
import dev.weir.util.Collector;

/**
 * A window table function without an aggregate over it: each row once per window it belongs to, with
 * {@code window_start}, {@code window_end} and {@code window_time} ({@code window_end - 1}) appended.
 */
public final class WindowColumnsFunction implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final WindowSpec spec;
    private final int timeIndex;

    public WindowColumnsFunction(WindowSpec spec, int timeIndex) {
        this.spec = spec;
        this.timeIndex = timeIndex;
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) {
        long ts = (Long) row.getField(timeIndex);
        switch (spec.kind()) {
            case TUMBLE: {
                long start = spec.firstStart(ts);
                out.collect(withWindow(row, start, start + spec.size()));
                break;
            }
            case HOP:
                for (long start = spec.firstStart(ts); start <= ts; start += spec.slide()) {
                    out.collect(withWindow(row, start, start + spec.size()));
                }
                break;
            default: {
                long start = spec.firstStart(ts);
                for (long end = start + spec.slide(); end <= start + spec.size(); end += spec.slide()) {
                    if (end > ts) {
                        out.collect(withWindow(row, start, end));
                    }
                }
            }
        }
    }

    private static Row withWindow(Row row, long start, long end) {
        int n = row.getArity();
        Row result = new Row(row.getKind(), n + 3);
        for (int i = 0; i < n; i++) {
            result.setField(i, row.getField(i));
        }
        result.setField(n, start);
        result.setField(n + 1, end);
        result.setField(n + 2, end - 1);
        return result;
    }
}
