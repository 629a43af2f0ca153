package dev.weir.sql.runtime;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.sql.expr.Expr;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.types.Row;
import dev.weir.util.Collector;
import java.util.ArrayList;
import java.util.List;

/**
 * A window join, as Flink runs it on two window table functions: keyed by the window's bounds and the equi-join
 * keys, each side's rows of one window wait in keyed state until the watermark reaches {@code window_end - 1}; then
 * every pair that meets the remaining condition is emitted (left columns, then right columns), and for an outer join
 * each row without a partner is emitted with NULLs on the other side. A row whose window has fired is late and
 * dropped, as in Flink. The result is insert-only.
 */
public final class WindowJoinFunction extends KeyedCoProcessFunction<Row, Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final int leftWindowEnd;
    private final int rightWindowEnd;
    private final int leftArity;
    private final int rightArity;
    private final Expr condition;
    private final boolean keepLeft;
    private final boolean keepRight;
    private transient ListState<Row> left;
    private transient ListState<Row> right;

    /** {@code condition} (null for none) reads the joined row; {@code keepLeft}/{@code keepRight} make it outer. */
    public WindowJoinFunction(int leftWindowEnd, int rightWindowEnd, int leftArity, int rightArity, Expr condition,
            boolean keepLeft, boolean keepRight) {
        this.leftWindowEnd = leftWindowEnd;
        this.rightWindowEnd = rightWindowEnd;
        this.leftArity = leftArity;
        this.rightArity = rightArity;
        this.condition = condition;
        this.keepLeft = keepLeft;
        this.keepRight = keepRight;
    }

    @Override
    public void open(OpenContext openContext) {
        left = getRuntimeContext().getListState(new ListStateDescriptor<>("sql-window-join-left", Row.class));
        right = getRuntimeContext().getListState(new ListStateDescriptor<>("sql-window-join-right", Row.class));
    }

    @Override
    public void processElement1(Row row, Context ctx, Collector<Row> out) throws Exception {
        buffer(row, leftWindowEnd, left, ctx);
    }

    @Override
    public void processElement2(Row row, Context ctx, Collector<Row> out) throws Exception {
        buffer(row, rightWindowEnd, right, ctx);
    }

    private static void buffer(Row row, int windowEndField, ListState<Row> side, Context ctx) throws Exception {
        long fireAt = (Long) row.getField(windowEndField) - 1;
        if (fireAt <= ctx.timerService().currentWatermark()) {
            return;
        }
        side.add(row);
        ctx.timerService().registerEventTimeTimer(fireAt);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        List<Row> lefts = new ArrayList<>();
        left.get().forEach(lefts::add);
        List<Row> rights = new ArrayList<>();
        right.get().forEach(rights::add);
        left.clear();
        right.clear();
        boolean[] rightMatched = new boolean[rights.size()];
        for (Row l : lefts) {
            boolean matched = false;
            for (int i = 0; i < rights.size(); i++) {
                Row joined = joined(l, rights.get(i));
                if (condition == null || condition.isTrue(joined)) {
                    out.collect(joined);
                    matched = true;
                    rightMatched[i] = true;
                }
            }
            if (!matched && keepLeft) {
                out.collect(joined(l, null));
            }
        }
        if (keepRight) {
            for (int i = 0; i < rights.size(); i++) {
                if (!rightMatched[i]) {
                    out.collect(joined(null, rights.get(i)));
                }
            }
        }
    }

    private Row joined(Row l, Row r) {
        Row row = new Row(leftArity + rightArity);
        for (int i = 0; i < leftArity && l != null; i++) {
            row.setField(i, l.getField(i));
        }
        for (int i = 0; i < rightArity && r != null; i++) {
            row.setField(leftArity + i, r.getField(i));
        }
        return row;
    }
}
