package dev.weir.streaming.api.datastream;

import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.functions.Function;
import dev.weir.util.OutputTag;
import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.plan.aggregation.FieldAggregation;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.functions.windowing.WindowFunction;
import dev.weir.streaming.api.windowing.time.Time;
import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.evictors.Evictor;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Objects;

/**
 * A keyed stream cut into windows, as in Flink: configure the trigger, evictor and lateness, then give the function
 * that turns each fired window into results. Results carry the window's {@code maxTimestamp()} as timestamp.
 */
public class WindowedStream<T, K, W extends Window> {
    private final KeyedStream<T, K> input;
    private final WindowSettings settings;

    WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> windowAssigner) {
        this.input = input;
        this.settings = new WindowSettings(windowAssigner);
    }

    /** Replaces the assigner's default trigger. */
    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
        settings.trigger(trigger);
        return this;
    }

    /** Removes elements before and/or after the window function; the window then keeps all its elements. */
    public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
        settings.evictor(evictor);
        return this;
    }

    /** Keeps event-time windows this long after their end; each late element fires the window again. */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        settings.allowedLateness(Objects.requireNonNull(lateness, "lateness").toMillis());
        return this;
    }

    public WindowedStream<T, K, W> allowedLateness(Time lateness) {
        settings.allowedLateness(Objects.requireNonNull(lateness, "lateness").toMilliseconds());
        return this;
    }

    /** Sends elements too late for all their windows to this side output instead of dropping them. */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> outputTag) {
        settings.sideOutputLateData(outputTag);
        return this;
    }

    /** Reduces each window to one element, incrementally. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        return input.sameType(this.<T>window("reduce", DataStream.requireFunction(function, "reduce"), null));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> function) {
        return window("reduce", DataStream.requireFunction(reduceFunction, "reduce"), DataStream.requireFunction(function, "reduce"));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessWindowFunction<T, R, K, W> function) {
        return window("reduce", DataStream.requireFunction(reduceFunction, "reduce"), DataStream.requireFunction(function, "reduce"));
    }

    /** Aggregates each window incrementally and emits {@code getResult} of its accumulator. */
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        return window("aggregate", DataStream.requireFunction(function, "aggregate"), null);
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction, WindowFunction<V, R, K, W> windowFunction) {
        return window("aggregate", DataStream.requireFunction(aggFunction, "aggregate"), DataStream.requireFunction(windowFunction, "aggregate"));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
                                                              ProcessWindowFunction<V, R, K, W> windowFunction) {
        return window("aggregate", DataStream.requireFunction(aggFunction, "aggregate"), DataStream.requireFunction(windowFunction, "aggregate"));
    }

    /** Evaluates each fired window with all its elements. */
    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
        return window("apply", null, DataStream.requireFunction(function, "apply"));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
        return window("process", null, DataStream.requireFunction(function, "process"));
    }

    /** {@link #apply(WindowFunction)} with Flink's type hint, accepted and not needed. */
    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function, TypeInformation<R> resultType) {
        return DataStream.hinted(apply(function), resultType);
    }

    /** {@link #process(ProcessWindowFunction)} with Flink's type hint, accepted and not needed. */
    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function, TypeInformation<R> resultType) {
        return DataStream.hinted(process(function), resultType);
    }

    /** {@link #reduce(ReduceFunction, WindowFunction)} with Flink's type hint, accepted and not needed. */
    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> function,
                                                    TypeInformation<R> resultType) {
        return DataStream.hinted(reduce(reduceFunction, function), resultType);
    }

    /** {@link #reduce(ReduceFunction, ProcessWindowFunction)} with Flink's type hint, accepted and not needed. */
    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessWindowFunction<T, R, K, W> function,
                                                    TypeInformation<R> resultType) {
        return DataStream.hinted(reduce(reduceFunction, function), resultType);
    }

    /** {@link #aggregate(AggregateFunction)} with Flink's type hints, accepted and not needed. */
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function, TypeInformation<ACC> accumulatorType,
                                                           TypeInformation<R> resultType) {
        return DataStream.hinted(aggregate(function), resultType);
    }

    /** {@link #aggregate(AggregateFunction, WindowFunction)} with Flink's type hints, accepted and not needed. */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction, WindowFunction<V, R, K, W> windowFunction,
                                                              TypeInformation<ACC> accumulatorType, TypeInformation<R> resultType) {
        return DataStream.hinted(aggregate(aggFunction, windowFunction), resultType);
    }

    /** {@link #aggregate(AggregateFunction, ProcessWindowFunction)} with Flink's type hints, accepted and not needed. */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
                                                              ProcessWindowFunction<V, R, K, W> windowFunction,
                                                              TypeInformation<ACC> accumulatorType, TypeInformation<V> aggregateResultType,
                                                              TypeInformation<R> resultType) {
        return DataStream.hinted(aggregate(aggFunction, windowFunction), resultType);
    }

    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return reduce(FieldAggregation.sum(positionToSum));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return reduce(FieldAggregation.sum(field));
    }

    public SingleOutputStreamOperator<T> min(int positionToMin) {
        return reduce(FieldAggregation.min(positionToMin));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return reduce(FieldAggregation.min(field));
    }

    public SingleOutputStreamOperator<T> max(int positionToMax) {
        return reduce(FieldAggregation.max(positionToMax));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return reduce(FieldAggregation.max(field));
    }

    public SingleOutputStreamOperator<T> minBy(int positionToMinBy) {
        return reduce(FieldAggregation.minBy(positionToMinBy, true));
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return reduce(FieldAggregation.minBy(field, true));
    }

    public SingleOutputStreamOperator<T> minBy(int positionToMinBy, boolean first) {
        return reduce(FieldAggregation.minBy(positionToMinBy, first));
    }

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy) {
        return reduce(FieldAggregation.maxBy(positionToMaxBy, true));
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return reduce(FieldAggregation.maxBy(field, true));
    }

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy, boolean first) {
        return reduce(FieldAggregation.maxBy(positionToMaxBy, first));
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return input.getExecutionEnvironment();
    }

    private <R> SingleOutputStreamOperator<R> window(String method, Function preAggregation, Function windowFunction) {
        Function named = windowFunction != null ? windowFunction : preAggregation;
        return input.addOperator(settings.describe(named.getClass().getSimpleName()), settings.spec(preAggregation, method, windowFunction));
    }
}
