package dev.weir.sql.runtime.join;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.sql.expr.Expr;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An event-time interval join, as Flink's SQL runs {@code a.ts BETWEEN b.ts - INTERVAL .. AND b.ts + INTERVAL ..}:
 * a left row at {@code l} and a right row at {@code r} with the same key join when {@code lower <= l - r <= upper}
 * and the rest of the ON clause holds. Each side's rows wait in keyed state, by event time, only until the watermark
 * shows that no row of the other side can still join them; then an outer side's rows that never joined are emitted
 * padded with nulls. The output is insert-only.
 */
public final class IntervalJoinFunction extends KeyedCoProcessFunction<Row, Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final boolean leftOuter;
    private final boolean rightOuter;
    private final boolean[] nullKeysNeverMatch;
    private final int leftTime;
    private final int rightTime;
    private final long lower;
    private final long upper;
    private final JoinedRow joined;
    private transient MapState<Long, TimedRows> leftRows;
    private transient MapState<Long, TimedRows> rightRows;
    private transient List<Long> expired;

    /**
     * {@code leftTime}/{@code rightTime}: each side's rowtime column; {@code lower}/{@code upper}: the inclusive
     * bounds of {@code leftTime - rightTime} in milliseconds; {@code condition}: the rest of the ON clause, or null.
     */
    public IntervalJoinFunction(boolean leftOuter, boolean rightOuter, boolean[] nullKeysNeverMatch, int leftArity, int rightArity,
            int leftTime, int rightTime, long lower, long upper, Expr condition) {
        this.leftOuter = leftOuter;
        this.rightOuter = rightOuter;
        this.nullKeysNeverMatch = nullKeysNeverMatch.clone();
        this.leftTime = leftTime;
        this.rightTime = rightTime;
        this.lower = lower;
        this.upper = upper;
        this.joined = new JoinedRow(leftArity, rightArity, condition);
    }

    @Override
    public void open(OpenContext openContext) {
        leftRows = getRuntimeContext().getMapState(new MapStateDescriptor<>("sql-interval-join-left", Long.class, TimedRows.class));
        rightRows = getRuntimeContext().getMapState(new MapStateDescriptor<>("sql-interval-join-right", Long.class, TimedRows.class));
        expired = new ArrayList<>();
    }

    @Override
    public void processElement1(Row input, Context ctx, Collector<Row> out) throws Exception {
        process(input, true, ctx, out);
    }

    @Override
    public void processElement2(Row input, Context ctx, Collector<Row> out) throws Exception {
        process(input, false, ctx, out);
    }

    private void process(Row input, boolean inputIsLeft, Context ctx, Collector<Row> out) throws Exception {
        Object time = input.getField(inputIsLeft ? leftTime : rightTime);
        boolean inputOuter = inputIsLeft ? leftOuter : rightOuter;
        if (time == null) {
            // A row without event time joins nothing, as in Flink.
            if (inputOuter) {
                out.collect(joined.of(RowKind.INSERT, input, null, inputIsLeft));
            }
            return;
        }
        long t = (Long) time;
        // The other side's times that join this row, and the last of them: after it, this row can join nothing more.
        long from = inputIsLeft ? t - upper : t + lower;
        long to = inputIsLeft ? t - lower : t + upper;
        boolean emitted = false;
        if (keyCanMatch(ctx.getCurrentKey())) {
            MapState<Long, TimedRows> other = inputIsLeft ? rightRows : leftRows;
            boolean otherOuter = inputIsLeft ? rightOuter : leftOuter;
            for (Map.Entry<Long, TimedRows> entry : other.entries()) {
                if (entry.getKey() < from || entry.getKey() > to) {
                    continue;
                }
                TimedRows rows = entry.getValue();
                boolean changed = false;
                for (int i = 0; i < rows.rows.size(); i++) {
                    Row candidate = rows.rows.get(i);
                    if (joined.matches(input, candidate, inputIsLeft)) {
                        out.collect(joined.of(RowKind.INSERT, input, candidate, inputIsLeft));
                        emitted = true;
                        if (otherOuter && !rows.matched.get(i)) {
                            rows.matched.set(i, Boolean.TRUE);
                            changed = true;
                        }
                    }
                }
                if (changed) {
                    other.put(entry.getKey(), rows);
                }
            }
        }
        if (ctx.timerService().currentWatermark() < to) {
            MapState<Long, TimedRows> mine = inputIsLeft ? leftRows : rightRows;
            TimedRows rows = mine.get(t);
            if (rows == null) {
                rows = new TimedRows();
            }
            Row stored = Row.copy(input);
            stored.setKind(RowKind.INSERT);
            rows.rows.add(stored);
            rows.matched.add(emitted);
            mine.put(t, rows);
            ctx.timerService().registerEventTimeTimer(to);
        } else if (!emitted && inputOuter) {
            out.collect(joined.of(RowKind.INSERT, input, null, inputIsLeft));
        }
    }

    private boolean keyCanMatch(Row key) {
        for (int i = 0; i < nullKeysNeverMatch.length; i++) {
            if (nullKeysNeverMatch[i] && key.getField(i) == null) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        expire(leftRows, true, -lower, timestamp, out);
        expire(rightRows, false, upper, timestamp, out);
    }

    /** Drops the rows whose last joinable time of the other side ({@code time + offset}) the watermark has passed. */
    private void expire(MapState<Long, TimedRows> side, boolean isLeft, long offset, long watermark, Collector<Row> out)
            throws Exception {
        boolean outer = isLeft ? leftOuter : rightOuter;
        expired.clear();
        for (Map.Entry<Long, TimedRows> entry : side.entries()) {
            if (entry.getKey() + offset > watermark) {
                continue;
            }
            if (outer) {
                TimedRows rows = entry.getValue();
                for (int i = 0; i < rows.rows.size(); i++) {
                    if (!rows.matched.get(i)) {
                        out.collect(joined.of(RowKind.INSERT, rows.rows.get(i), null, isLeft));
                    }
                }
            }
            expired.add(entry.getKey());
        }
        for (Long time : expired) {
            side.remove(time);
        }
    }
}
