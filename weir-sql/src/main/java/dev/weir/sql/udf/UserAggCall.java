package dev.weir.sql.udf;

import dev.weir.sql.runtime.agg.AggCall;
import dev.weir.table.api.TableException;
import dev.weir.table.functions.AggregateFunction;
import dev.weir.types.Row;
import java.lang.reflect.Method;
import java.util.List;

/**
 * A user-defined {@link AggregateFunction} as one aggregate call: {@code accumulate(acc, args..)} per added row,
 * {@code retract(acc, args..)} per retracted row (when the function has it), {@code merge(acc, Iterable)} and
 * {@code getValue(acc)}.
 */
public final class UserAggCall extends AggCall {
    private static final long serialVersionUID = 1L;

    private final AggregateFunction<Object, Object> function;
    private final String name;
    private final int[] args;
    private final FunctionInvoker accumulate;
    private final FunctionInvoker retract;
    private final FunctionInvoker merge;
    private transient Object[] values;

    @SuppressWarnings("unchecked")
    public UserAggCall(String name, AggregateFunction<?, ?> function, int[] args, int filterArg, Method accumulate, Method retract,
            Method merge) {
        super(args.length == 0 ? -1 : args[0], filterArg);
        this.function = (AggregateFunction<Object, Object>) function;
        this.name = name;
        this.args = args.clone();
        this.accumulate = new FunctionInvoker(function, name, accumulate);
        this.retract = retract == null ? null : new FunctionInvoker(function, name, retract);
        this.merge = merge == null ? null : new FunctionInvoker(function, name, merge);
    }

    @Override
    public Object createAccumulator() {
        return function.createAccumulator();
    }

    @Override
    public Object accumulate(Object acc, Row row) {
        if (applies(row)) {
            accumulate.invoke(acc, arguments(row));
        }
        return acc;
    }

    @Override
    public Object retract(Object acc, Row row) {
        if (retract == null) {
            throw new TableException("Aggregate function " + name + " (" + function.getClass().getName() + ") has no retract "
                    + "method, which this query needs (its input is updating, or it runs in a bounded OVER window); add "
                    + "public void retract(ACC acc, ...) with accumulate's parameters");
        }
        if (applies(row)) {
            retract.invoke(acc, arguments(row));
        }
        return acc;
    }

    @Override
    public boolean canRetract() {
        return retract != null;
    }

    @Override
    public Object merge(Object a, Object b) {
        if (merge == null) {
            throw new TableException("Aggregate function " + name + " (" + function.getClass().getName() + ") has no merge "
                    + "method, which window aggregates need; add public void merge(ACC acc, Iterable<ACC> others)");
        }
        Object merged = function.createAccumulator();
        merge.invoke(merged, new Object[] {List.of(a, b)});
        return merged;
    }

    @Override
    public Object result(Object acc) {
        return JavaValues.toInternal(function.getValue(acc));
    }

    private Object[] arguments(Row row) {
        if (values == null) {
            values = new Object[args.length];
        }
        for (int i = 0; i < args.length; i++) {
            values[i] = row.getField(args[i]);
        }
        return values;
    }
}
