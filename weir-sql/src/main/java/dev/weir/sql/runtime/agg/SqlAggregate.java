package dev.weir.sql.runtime.agg;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.types.Row;

/**
 * A SQL GROUP BY's aggregate calls as one {@link AggregateFunction} for Weir's window operators: the accumulator
 * holds one accumulator per call, the result one value per call.
 */
public final class SqlAggregate implements AggregateFunction<Row, Object[], Object[]> {
    private static final long serialVersionUID = 1L;

    private final AggCall[] calls;

    public SqlAggregate(AggCall[] calls) {
        this.calls = calls.clone();
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
            result[i] = calls[i].result(acc[i]);
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
