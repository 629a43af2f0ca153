package dev.weir.sql.runtime;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.types.Row;
import dev.weir.util.Collector;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Flink's temporal sort ({@code ORDER BY rowtime [, more keys]} on a stream): rows wait in keyed state, one array per
 * event time, until the watermark passes their time, then leave in time order; rows of the same time are ordered by
 * the further sort keys, then by arrival. A row at or before a time already emitted is late and dropped, as Flink's
 * temporal sort drops it. The planner keys every row to one key at parallelism 1: the sort is global. The buffer lives
 * in keyed state, so a checkpoint holds it.
 */
public final class TimeSortFunction extends KeyedProcessFunction<Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final int rowtimeIndex;
    /** The sort keys after the time attribute; null when there are none (ties then leave in arrival order). */
    private final Comparator<Row> ties;
    private transient MapState<Long, Row[]> pending;
    private transient ValueState<Long> lastEmittedTime;

    public TimeSortFunction(int rowtimeIndex, Comparator<Row> ties) {
        this.rowtimeIndex = rowtimeIndex;
        this.ties = ties;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("sql-sort-pending", Long.class, Row[].class));
        lastEmittedTime = getRuntimeContext().getState(new ValueStateDescriptor<>("sql-sort-last-emitted", Long.class));
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        Object time = input.getField(rowtimeIndex);
        if (time == null) {
            return;
        }
        long t = (Long) time;
        Long last = lastEmittedTime.value();
        if (last != null && t <= last) {
            return;
        }
        Row[] waiting = pending.get(t);
        Row[] more = waiting == null ? new Row[1] : Arrays.copyOf(waiting, waiting.length + 1);
        more[more.length - 1] = input;
        pending.put(t, more);
        if (waiting == null) {
            ctx.timerService().registerEventTimeTimer(t);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        Row[] due = pending.get(timestamp);
        if (due == null) {
            return;
        }
        pending.remove(timestamp);
        if (ties != null && due.length > 1) {
            // A stable sort: rows equal on every key keep their arrival order.
            Arrays.sort(due, ties);
        }
        for (Row row : due) {
            out.collect(row);
        }
        lastEmittedTime.update(timestamp);
    }
}
