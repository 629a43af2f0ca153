package dev.weir.sql.runtime;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.types.Row;
import dev.weir.util.Collector;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Flink's temporal sort ({@code ORDER BY rowtime [, more keys]} on a stream): rows wait in keyed state until the
 * watermark passes their time ({@link RowsAwaitingWatermark}, which drops late rows as Flink's temporal sort does), then
 * leave in time order; rows of the same time are ordered by the further sort keys, then by arrival. The planner keys
 * every row to one key at parallelism 1: the sort is global.
 */
public final class TimeSortFunction extends KeyedProcessFunction<Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final int rowtimeIndex;
    /** The sort keys after the time attribute; null when there are none (ties then leave in arrival order). */
    private final Comparator<Row> ties;
    private transient RowsAwaitingWatermark pending;

    public TimeSortFunction(int rowtimeIndex, Comparator<Row> ties) {
        this.rowtimeIndex = rowtimeIndex;
        this.ties = ties;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = new RowsAwaitingWatermark(getRuntimeContext(), "sql-sort");
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        pending.add(input, rowtimeIndex, ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        Row[] due = pending.take(timestamp);
        if (due == null) {
            return;
        }
        if (ties != null && due.length > 1) {
            // A stable sort: rows equal on every key keep their arrival order.
            Arrays.sort(due, ties);
        }
        for (Row row : due) {
            out.collect(row);
        }
    }
}
