package dev.weir.table.functions;

/**
 * A user-defined aggregate function, as in Flink: {@code accumulate(ACC acc, args...)} adds a row's arguments,
 * {@link #getValue} gives the result; its SQL result type follows from {@code getValue}'s Java type (or a
 * {@link dev.weir.table.annotation.DataTypeHint} on it), its argument types from {@code accumulate}'s parameters after
 * the accumulator.
 *
 * @param <T> the result type
 * @param <ACC> the accumulator type
 */
public abstract class AggregateFunction<T, ACC> extends ImperativeAggregateFunction<T, ACC> {
    private static final long serialVersionUID = 1L;

    /** The result for the rows {@code accumulator} holds. */
    public abstract T getValue(ACC accumulator);
}
