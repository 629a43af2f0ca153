package dev.weir.sql.udf;

import dev.weir.sql.runtime.agg.AggCall;
import dev.weir.table.api.TableException;
import dev.weir.table.functions.TableAggregateFunction;
import dev.weir.types.Row;
import java.util.List;

/**
 * A {@link TableAggregateFunction} as the one aggregate call of a group window's table aggregate: {@code accumulate}
 * per row, {@code merge(acc, Iterable)} where the window operator combines slices or sessions, and the accumulator
 * itself as the result, which {@code WindowTableAggregateOutput} hands to {@code emitValue} when the window fires.
 */
public final class TableAggCall extends AggCall {
    private static final long serialVersionUID = 1L;

    private final TableAggregateFunction<Object, Object> function;
    private final String name;
    private final int[] args;
    private final FunctionInvoker accumulate;
    /** Null when the function has none: the planner then allows only windows that never merge (TUMBLE). */
    private final FunctionInvoker merge;
    private transient Object[] values;

    @SuppressWarnings("unchecked")
    TableAggCall(String name, TableAggregateFunction<?, ?> function, int[] args, FunctionInvoker accumulate,
            FunctionInvoker merge) {
        super(args.length == 0 ? -1 : args[0], -1);
        this.function = (TableAggregateFunction<Object, Object>) function;
        this.name = name;
        this.args = args.clone();
        this.accumulate = accumulate;
        this.merge = merge;
    }

    @Override
    public Object createAccumulator() {
        return function.createAccumulator();
    }

    @Override
    public Object accumulate(Object acc, Row row) {
        if (values == null) {
            values = new Object[args.length];
        }
        for (int i = 0; i < args.length; i++) {
            values[i] = row.getField(args[i]);
        }
        accumulate.invoke(acc, values);
        return acc;
    }

    @Override
    public boolean canRetract() {
        return false;
    }

    @Override
    public Object merge(Object a, Object b) {
        if (merge == null) {
            throw new TableException("Table aggregate function " + name + " (" + function.getClass().getName() + ") has no "
                    + "merge method, which this window needs; add public void merge(ACC acc, Iterable<ACC> others)");
        }
        Object merged = function.createAccumulator();
        merge.invoke(merged, new Object[] {List.of(a, b)});
        return merged;
    }

    @Override
    public Object result(Object acc) {
        return acc;
    }
}
