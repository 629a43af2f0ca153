package dev.weir.api;

import dev.weir.api.functions.KeyedProcessFunction;
import dev.weir.api.functions.KeySelector;
import dev.weir.api.functions.ReduceFunction;
import dev.weir.api.functions.aggregation.FieldAggregation;
import dev.weir.api.graph.OperatorSpec;
import dev.weir.api.graph.Partitioning;
import dev.weir.api.graph.Specs;
import dev.weir.api.graph.Transformation;
import dev.weir.api.windowing.assigners.GlobalWindows;
import dev.weir.api.windowing.assigners.WindowAssigner;
import dev.weir.api.windowing.evictors.CountEvictor;
import dev.weir.api.windowing.triggers.CountTrigger;
import dev.weir.api.windowing.triggers.PurgingTrigger;
import dev.weir.api.windowing.windows.GlobalWindow;
import dev.weir.api.windowing.windows.Window;
import java.util.List;

/**
 * A stream partitioned by key: every element with the same key reaches the same subtask, and operators applied to
 * it (including {@code map}, {@code flatMap} and {@code filter}) may use keyed state and timers for that key.
 */
public class KeyedStream<T, K> extends DataStream<T> {
    private final KeySelector<T, K> keySelector;

    KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector) {
        super(input.environment, Transformation.partition(input.environment.nextId(), Partitioning.HASH, keySelector, input.transformation));
        this.keySelector = keySelector;
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function) {
        return addOperator("KeyedProcess", new Specs.KeyedProcessSpec(requireFunction(function, "process")));
    }

    /** Cuts each key's elements into the windows {@code assigner} gives; see {@link WindowedStream}. */
    public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /** Windows of {@code size} elements per key; a window fires only when full, as in Flink. */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size) {
        return window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
    }

    /** The last {@code size} elements per key, evaluated every {@code slide} elements (as Flink does). */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size, long slide) {
        return window(GlobalWindows.create()).evictor(CountEvictor.of(size)).trigger(CountTrigger.of(slide));
    }

    /** Joins with {@code other} on equal keys within a time interval; see {@link IntervalJoin}. */
    public <T1> IntervalJoin<T, T1, K> intervalJoin(KeyedStream<T1, K> other) {
        return new IntervalJoin<>(this, other);
    }

    /** A running reduce per key: emits the combined value after every element. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return addOperator("Keyed Reduce", new Specs.KeyedReduceSpec(requireFunction(reducer, "reduce")));
    }

    /** A running sum per key of the tuple field at {@code positionToSum} (or of the element itself at 0). */
    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return aggregate(FieldAggregation.sum(positionToSum));
    }

    /** A running sum per key of the named POJO field. */
    public SingleOutputStreamOperator<T> sum(String field) {
        return aggregate(FieldAggregation.sum(field));
    }

    public SingleOutputStreamOperator<T> min(int positionToMin) {
        return aggregate(FieldAggregation.min(positionToMin));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return aggregate(FieldAggregation.min(field));
    }

    public SingleOutputStreamOperator<T> max(int positionToMax) {
        return aggregate(FieldAggregation.max(positionToMax));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return aggregate(FieldAggregation.max(field));
    }

    public SingleOutputStreamOperator<T> minBy(int positionToMinBy) {
        return aggregate(FieldAggregation.minBy(positionToMinBy, true));
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return aggregate(FieldAggregation.minBy(field, true));
    }

    public SingleOutputStreamOperator<T> minBy(int positionToMinBy, boolean first) {
        return aggregate(FieldAggregation.minBy(positionToMinBy, first));
    }

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy) {
        return aggregate(FieldAggregation.maxBy(positionToMaxBy, true));
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return aggregate(FieldAggregation.maxBy(field, true));
    }

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy, boolean first) {
        return aggregate(FieldAggregation.maxBy(positionToMaxBy, first));
    }

    private SingleOutputStreamOperator<T> aggregate(ReduceFunction<T> aggregation) {
        return addOperator("Keyed Aggregation", new Specs.KeyedReduceSpec(aggregation));
    }

    /** Operators on a keyed stream are keyed: they get this stream's key selector for their state and timers. */
    @Override
    protected <R> SingleOutputStreamOperator<R> addOperator(String name, OperatorSpec spec) {
        SingleOutputStreamOperator<R> result = super.addOperator(name, spec);
        result.getTransformation().setStateKeys(List.of(keySelector));
        return result;
    }
}
