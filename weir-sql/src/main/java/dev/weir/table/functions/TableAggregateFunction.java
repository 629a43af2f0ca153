package dev.weir.table.functions;

/**
 * A user-defined table aggregate function, as in Flink: it aggregates the rows of a group into an accumulator, as an
 * {@link AggregateFunction} does, and emits zero or more rows for the group with {@code emitValue(ACC acc,
 * Collector<T> out)}. Used by the Table API's {@code flatAggregate(call(top2, $("v")).as("v", "rank"))}; on each change
 * of a group its previously emitted rows are retracted and the new ones emitted, as Flink does. The methods, found by
 * reflection as Flink finds them: {@link #createAccumulator}, public {@code accumulate(ACC, args...)}, {@code
 * retract(ACC, args...)} over an updating input, and {@code emitValue}. Weir does not call Flink's optional {@code
 * emitUpdateWithRetract}; a function must have {@code emitValue}. The columns it emits follow from {@code T}: the fields
 * of a {@code Tuple2<Integer, Integer>} ({@code f0}, {@code f1}), one column {@code f0} of an atomic type, or a
 * {@code Row} declared on the class with {@code @FunctionHint(output = @DataTypeHint("ROW<v INT, rank INT>"))}.
 *
 * @param <T> the type of the rows it emits
 * @param <ACC> the accumulator type
 */
public abstract class TableAggregateFunction<T, ACC> extends ImperativeAggregateFunction<T, ACC> {
    private static final long serialVersionUID = 1L;
}
