package dev.weir.table.functions;

import dev.weir.util.Collector;

/**
 * A user-defined table aggregate function, as in Flink: it aggregates the rows of a group into an accumulator, as an
 * {@link AggregateFunction} does, and emits zero or more rows for the group. Used by the Table API's
 * {@code flatAggregate(call(top2, $("v")).as("v", "rank"))}. The methods, found by reflection as Flink finds them:
 * {@link #createAccumulator}, public {@code accumulate(ACC, args...)}, {@code retract(ACC, args...)} over an updating
 * input, and {@code emitValue(ACC acc, Collector<T> out)}: on each change of a group its previously emitted rows are
 * retracted ({@code -D}) and all rows {@code emitValue} gives now are emitted ({@code +I}), as Flink does. A function
 * defining Flink's optional {@code emitUpdateWithRetract(ACC, RetractableCollector<T>)} is refused when planned:
 * Flink 2.3 calls it instead of {@code emitValue} but does not keep the changes it makes to the accumulator, a
 * changelog Weir does not reproduce yet.
 * The columns it emits follow from {@code T}: the fields of a {@code Tuple2<Integer, Integer>} ({@code f0},
 * {@code f1}), one column {@code f0} of an atomic type, or a {@code Row} declared on the class with
 * {@code @FunctionHint(output = @DataTypeHint("ROW<v INT, rank INT>"))}.
 *
 * @param <T> the type of the rows it emits
 * @param <ACC> the accumulator type
 */
public abstract class TableAggregateFunction<T, ACC> extends ImperativeAggregateFunction<T, ACC> {
    private static final long serialVersionUID = 1L;

    /**
     * The collector of Flink's {@code emitUpdateWithRetract}: it emits rows and retracts earlier ones. Here so that a
     * ported function compiles; Weir refuses to plan a function that uses it.
     */
    public interface RetractableCollector<T> extends Collector<T> {
        /** Takes back {@code record}, a row emitted for the group before. */
        void retract(T record);
    }
}
