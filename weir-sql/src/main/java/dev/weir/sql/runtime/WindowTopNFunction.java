package dev.weir.sql.runtime;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.types.Row;
import dev.weir.util.Collector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Window Top-N (and window deduplication, its N = 1 by time), as Flink runs it on window table functions and window
 * aggregates: keyed by the window's bounds and the other PARTITION BY columns, the rows of one window wait in keyed
 * state until the watermark reaches {@code window_end - 1}; then the first {@code n} by the ORDER BY are emitted,
 * each with its ROW_NUMBER in {@code rankField}. A row whose window has already fired is late and dropped, as Flink
 * drops it. Equal ORDER BY values keep their arrival order, except in a deduplication that keeps the last row by
 * time ({@code ORDER BY rowtime DESC}, {@code rn = 1}), where the last to arrive wins, as Flink keeps it.
 */
public final class WindowTopNFunction extends KeyedProcessFunction<Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final int windowEndField;
    private final int[] outputFields;
    private final int rankField;
    private final RowOrder order;
    private final long n;
    private final boolean lastArrivalFirst;
    private transient ListState<Row> rows;

    /**
     * {@code outputFields[i]} is the input field of output column {@code i}, or -1 at {@code rankField}, the
     * ROW_NUMBER; rows are ordered by {@code order} and the first {@code n} are kept; {@code lastArrivalFirst} puts
     * later rows first among equals.
     */
    public WindowTopNFunction(int windowEndField, int[] outputFields, int rankField, RowOrder order, long n, boolean lastArrivalFirst) {
        this.windowEndField = windowEndField;
        this.outputFields = outputFields.clone();
        this.rankField = rankField;
        this.order = order;
        this.n = n;
        this.lastArrivalFirst = lastArrivalFirst;
    }

    @Override
    public void open(OpenContext openContext) {
        rows = getRuntimeContext().getListState(new ListStateDescriptor<>("sql-window-top-n-rows", Row.class));
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
        long fireAt = (Long) row.getField(windowEndField) - 1;
        if (fireAt <= ctx.timerService().currentWatermark()) {
            return;
        }
        rows.add(row);
        ctx.timerService().registerEventTimeTimer(fireAt);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        List<Row> window = new ArrayList<>();
        for (Row r : rows.get()) {
            window.add(r);
        }
        rows.clear();
        if (lastArrivalFirst) {
            java.util.Collections.reverse(window);
        }
        window.sort(order);
        long emitted = 0;
        for (Row in : window) {
            if (emitted == n) {
                break;
            }
            emitted++;
            Row row = new Row(outputFields.length);
            for (int i = 0; i < outputFields.length; i++) {
                row.setField(i, i == rankField ? (Object) emitted : in.getField(outputFields[i]));
            }
            out.collect(row);
        }
    }

    /** The ORDER BY of a ROW_NUMBER: fields, directions and where NULLs go. */
    public static final class RowOrder implements Comparator<Row>, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final int[] fields;
        private final boolean[] descending;
        private final boolean[] nullsFirst;

        public RowOrder(int[] fields, boolean[] descending, boolean[] nullsFirst) {
            this.fields = fields.clone();
            this.descending = descending.clone();
            this.nullsFirst = nullsFirst.clone();
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public int compare(Row a, Row b) {
            for (int i = 0; i < fields.length; i++) {
                Object x = a.getField(fields[i]);
                Object y = b.getField(fields[i]);
                int c;
                if (x == null || y == null) {
                    c = x == y ? 0 : (x == null) == nullsFirst[i] ? -1 : 1;
                } else {
                    c = ((Comparable) x).compareTo(y);
                    if (descending[i]) {
                        c = -c;
                    }
                }
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }
}
