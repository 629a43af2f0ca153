package dev.weir.sql.runtime;

import dev.weir.api.common.functions.OpenContext;
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
    private transient RowsPerTime pending;

    public ProcTimeSortFunction(Comparator<Row> ties) {
        this.ties = ties;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = new RowsPerTime(getRuntimeContext(), "sql-proctime-sort-pending");
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        if (ties == null) {
            out.collect(input);
            return;
        }
        long now = ctx.timerService().currentProcessingTime();
        if (pending.append(now, input)) {
            ctx.timerService().registerProcessingTimeTimer(now + 1);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        Row[] due = pending.take(timestamp - 1);
        if (due == null) {
            return;
        }
        if (due.length > 1) {
            // A stable sort: rows equal on every key keep their arrival order.
            Arrays.sort(due, ties);
        }
        for (Row row : due) {
            out.collect(row);
        }
    }
}
