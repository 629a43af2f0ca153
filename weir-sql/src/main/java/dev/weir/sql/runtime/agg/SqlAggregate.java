package dev.weir.sql.runtime.agg;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.types.Row;

/**
 * A SQL GROUP BY's aggregate calls as one {@link AggregateFunction} for Weir's window operators: the accumulator
 * holds one accumulator per call, the result one value per call. Insert-only COUNT(DISTINCT) calls over one integer
 * column share one accumulator ({@link SharedCountDistinct}): the others' slots stay null.
 */
public final class SqlAggregate implements AggregateFunction<Row, Object[], Object[]> {
    private static final long serialVersionUID = 2L;

    private final AggCall[] calls;
    /** Per call, the index of the slot holding its accumulator. */
    private final int[] owner;

    public SqlAggregate(AggCall[] calls) {
        this.owner = new int[calls.length];
        this.calls = SharedCountDistinct.share(calls, owner);
    }

    @Override
    public Object[] createAccumulator() {
        Object[] acc = new Object[calls.length];
        for (int i = 0; i < calls.length; i++) {
            acc[i] = calls[i].createAccumulator();
        }
        return acc;
    }

    @Override
    public Object[] add(Row value, Object[] acc) {
        for (int i = 0; i < calls.length; i++) {
            acc[i] = calls[i].accumulate(acc[i], value);
        }
        return acc;
    }

    /** Takes {@code value} back out, for an updating input. */
    public Object[] retract(Row value, Object[] acc) {
        for (int i = 0; i < calls.length; i++) {
            acc[i] = calls[i].retract(acc[i], value);
        }
        return acc;
    }

    @Override
    public Object[] getResult(Object[] acc) {
        Object[] result = new Object[calls.length];
        for (int i = 0; i < calls.length; i++) {
            result[i] = calls[i].result(acc[owner[i]]);
        }
        return result;
    }

    /**
     * The result, as {@link #getResult(Object[])}, holding {@code previous}'s own value objects where a call's result
     * did not change: a GROUP BY that emits its key's old and new result per row boxes only the changed columns.
     */
    public Object[] getResult(Object[] acc, Object[] previous) {
        Object[] result = new Object[calls.length];
        for (int i = 0; i < calls.length; i++) {
            result[i] = calls[i].result(acc[owner[i]], previous[i]);
        }
        return result;
    }

    @Override
    public Object[] merge(Object[] a, Object[] b) {
        Object[] merged = new Object[calls.length];
        for (int i = 0; i < calls.length; i++) {
            merged[i] = calls[i].merge(a[i], b[i]);
        }
        return merged;
    }
}
