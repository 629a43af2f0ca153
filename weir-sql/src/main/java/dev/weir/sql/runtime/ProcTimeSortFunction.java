package dev.weir.sql.runtime;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.types.Row;
import dev.weir.util.Collector;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Flink's processing-time sort ({@code ORDER BY proctime [, more keys]} on a stream). With further keys each row waits
 * in keyed state under the processing time it arrived at, and a processing-time timer one millisecond later emits that
 * millisecond's rows, ordered by the further keys, then by arrival; as in Flink, rows still waiting when a bounded
 * input ends are not emitted. Without further keys the order is the arrival order, so each row leaves at once: the
 * rows and their order are Flink's, less than a millisecond earlier, and none is lost at the end of the input. The
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
        if (ties == null) {
            out.collect(input);
            return;
        }
        long now = ctx.timerService().currentProcessingTime();
        Row[] waiting = pending.get(now);
        Row[] more = waiting == null ? new Row[1] : Arrays.copyOf(waiting, waiting.length + 1);
        more[more.length - 1] = input;
        pending.put(now, more);
        if (waiting == null) {
            ctx.timerService().registerProcessingTimeTimer(now + 1);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        long tick = timestamp - 1;
        Row[] due = pending.get(tick);
        if (due == null) {
            return;
        }
        pending.remove(tick);
        if (due.length > 1) {
            // A stable sort: rows equal on every key keep their arrival order.
            Arrays.sort(due, ties);
        }
        for (Row row : due) {
            out.collect(row);
        }
    }
}
