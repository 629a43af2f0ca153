package dev.weir.sql.runtime;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.streaming.api.TimeDomain;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.types.Row;
import dev.weir.util.Collector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Flink's processing-time sort ({@code ORDER BY proctime [, more keys]} on a stream): each row waits in keyed state
 * under the processing time it arrived at, and a processing-time timer one millisecond later emits that millisecond's
 * rows, ordered by the further sort keys, then by arrival. The end of a bounded input (its final watermark) emits the
 * rows still waiting, tick by tick, so none is lost when the input ends within a millisecond of its last row. The
 * planner keys every row to one key at parallelism 1: the sort is global.
 */
public final class ProcTimeSortFunction extends KeyedProcessFunction<Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    /** The sort keys after the processing time; null when there are none (rows then leave in arrival order). */
    private final Comparator<Row> ties;
    private transient MapState<Long, Row[]> pending;

    public ProcTimeSortFunction(Comparator<Row> ties) {
        this.ties = ties;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("sql-proctime-sort-pending", Long.class, Row[].class));
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        Row[] waiting = pending.get(now);
        Row[] more = waiting == null ? new Row[1] : Arrays.copyOf(waiting, waiting.length + 1);
        more[more.length - 1] = input;
        pending.put(now, more);
        if (waiting == null) {
            ctx.timerService().registerProcessingTimeTimer(now + 1);
            // Fires with the final watermark of a bounded input, once: the timers of one key and time are one timer.
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            emit(timestamp - 1, out);
            return;
        }
        List<Long> ticks = new ArrayList<>();
        for (Long tick : pending.keys()) {
            ticks.add(tick);
        }
        ticks.sort(null);
        for (long tick : ticks) {
            emit(tick, out);
        }
    }

    private void emit(long tick, Collector<Row> out) throws Exception {
        Row[] due = pending.get(tick);
        if (due == null) {
            return;
        }
        pending.remove(tick);
        if (ties != null && due.length > 1) {
            // A stable sort: rows equal on every key keep their arrival order.
            Arrays.sort(due, ties);
        }
        for (Row row : due) {
            out.collect(row);
        }
    }
}
