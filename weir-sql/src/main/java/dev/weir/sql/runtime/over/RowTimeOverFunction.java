package dev.weir.sql.runtime.over;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.sql.runtime.RowsAwaitingWatermark;
import dev.weir.sql.runtime.agg.SqlAggregate;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import java.util.ArrayDeque;

/**
 * An OVER aggregate ordered by event time, as Flink runs it: rows wait in keyed state until the watermark passes
 * their time (a row at or before a time already emitted is late and dropped, as in Flink), then are emitted in time
 * order, each with the aggregates over its frame appended. A {@code ROWS} frame holds the current row and the
 * {@code preceding} rows before it (ties in arrival order); a {@code RANGE} frame every row whose time is within
 * {@code preceding} milliseconds before the current row's, so rows of the same time share their results. A negative
 * {@code preceding} is UNBOUNDED PRECEDING. The output is insert-only.
 */
public final class RowTimeOverFunction extends KeyedProcessFunction<Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final int rowtimeIndex;
    private final boolean rows;
    private final long preceding;
    private final SqlAggregate aggregate;
    private transient RowsAwaitingWatermark pending;
    private transient ValueState<Object[]> accumulators;
    private transient ValueState<ArrayDeque<TimedRow>> frame;

    public RowTimeOverFunction(int rowtimeIndex, boolean rows, long preceding, SqlAggregate aggregate) {
        this.rowtimeIndex = rowtimeIndex;
        this.rows = rows;
        this.preceding = preceding;
        this.aggregate = aggregate;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open(OpenContext openContext) {
        pending = new RowsAwaitingWatermark(getRuntimeContext(), "sql-over");
        accumulators = getRuntimeContext().getState(new ValueStateDescriptor<>("sql-over-accumulators", Object[].class));
        frame = getRuntimeContext().getState(new ValueStateDescriptor<>("sql-over-frame", (Class) ArrayDeque.class));
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
        Object[] acc = accumulators.value();
        if (acc == null) {
            acc = aggregate.createAccumulator();
        }
        ArrayDeque<TimedRow> inFrame = frame.value();
        if (inFrame == null) {
            inFrame = new ArrayDeque<>();
        }
        boolean bounded = preceding >= 0;
        if (rows) {
            for (Row row : due) {
                acc = aggregate.add(row, acc);
                if (bounded) {
                    inFrame.addLast(new TimedRow(timestamp, row));
                    if (inFrame.size() > preceding + 1) {
                        acc = aggregate.retract(inFrame.removeFirst().row(), acc);
                    }
                }
                out.collect(withResults(row, aggregate.getResult(acc)));
            }
        } else {
            for (Row row : due) {
                acc = aggregate.add(row, acc);
                if (bounded) {
                    inFrame.addLast(new TimedRow(timestamp, row));
                }
            }
            while (bounded && !inFrame.isEmpty() && inFrame.peekFirst().time() < timestamp - preceding) {
                acc = aggregate.retract(inFrame.removeFirst().row(), acc);
            }
            Object[] results = aggregate.getResult(acc);
            for (Row row : due) {
                out.collect(withResults(row, results));
            }
        }
        accumulators.update(acc);
        if (bounded) {
            frame.update(inFrame);
        }
    }

    private static Row withResults(Row row, Object[] results) {
        int arity = row.getArity();
        Row out = new Row(RowKind.INSERT, arity + results.length);
        for (int i = 0; i < arity; i++) {
            out.setField(i, row.getField(i));
        }
        for (int i = 0; i < results.length; i++) {
            out.setField(arity + i, results[i]);
        }
        return out;
    }
}
