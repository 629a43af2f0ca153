package dev.weir.table.functions;

/**
 * The base of aggregate functions written as an accumulator and methods on it, as in Flink: {@link
 * #createAccumulator}, public {@code accumulate(ACC, args...)}, optionally {@code retract(ACC, args...)} (needed over
 * updating inputs and in OVER windows) and {@code merge}, and {@code getValue}.
 *
 * @param <T> the result type
 * @param <ACC> the accumulator type
 */
public abstract class ImperativeAggregateFunction<T, ACC> extends UserDefinedFunction {
    private static final long serialVersionUID = 1L;

    /** A new, empty accumulator. */
    public abstract ACC createAccumulator();
}
