package dev.weir.streaming.api.datastream;

import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.functions.Function;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.util.OutputTag;
import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.plan.aggregation.FieldAggregation;
import dev.weir.streaming.api.functions.windowing.AllWindowFunction;
import dev.weir.streaming.api.functions.windowing.ProcessAllWindowFunction;
import dev.weir.streaming.api.windowing.time.Time;
import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.evictors.Evictor;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Objects;

/**
 * A non-keyed stream cut into windows ({@code windowAll}): like Flink, it runs as one window operator with
 * parallelism 1 over a constant key.
 */
public class AllWindowedStream<T, W extends Window> {
    private final KeyedStream<T, Byte> input;
    private final WindowSettings settings;

    AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> windowAssigner) {
        this.input = input.keyBy(new NullByteKeySelector<>());
        this.settings = new WindowSettings(windowAssigner);
    }

    public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
        settings.trigger(trigger);
        return this;
    }

    public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
        settings.evictor(evictor);
        return this;
    }

    public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
        settings.allowedLateness(Objects.requireNonNull(lateness, "lateness").toMillis());
        return this;
    }

    public AllWindowedStream<T, W> allowedLateness(Time lateness) {
        settings.allowedLateness(Objects.requireNonNull(lateness, "lateness").toMilliseconds());
        return this;
    }

    public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> outputTag) {
        settings.sideOutputLateData(outputTag);
        return this;
    }

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        return input.sameType(this.<T>window("reduce", DataStream.requireFunction(function, "reduce"), null));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, AllWindowFunction<T, R, W> function) {
        return window("reduce", DataStream.requireFunction(reduceFunction, "reduce"), DataStream.requireFunction(function, "reduce"));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessAllWindowFunction<T, R, W> function) {
        return window("reduce", DataStream.requireFunction(reduceFunction, "reduce"), DataStream.requireFunction(function, "reduce"));
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        return window("aggregate", DataStream.requireFunction(function, "aggregate"), null);
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction, AllWindowFunction<V, R, W> windowFunction) {
        return window("aggregate", DataStream.requireFunction(aggFunction, "aggregate"), DataStream.requireFunction(windowFunction, "aggregate"));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
                                                              ProcessAllWindowFunction<V, R, W> windowFunction) {
        return window("aggregate", DataStream.requireFunction(aggFunction, "aggregate"), DataStream.requireFunction(windowFunction, "aggregate"));
    }

    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
        return window("apply", null, DataStream.requireFunction(function, "apply"));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
        return window("process", null, DataStream.requireFunction(function, "process"));
    }

    /** {@link #apply(AllWindowFunction)} with Flink's type hint, accepted and not needed. */
    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function, TypeInformation<R> resultType) {
        return DataStream.hinted(apply(function), resultType);
    }

    /** {@link #process(ProcessAllWindowFunction)} with Flink's type hint, accepted and not needed. */
    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function, TypeInformation<R> resultType) {
        return DataStream.hinted(process(function), resultType);
    }

    /** {@link #aggregate(AggregateFunction)} with Flink's type hints, accepted and not needed. */
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function, TypeInformation<ACC> accumulatorType,
                                                           TypeInformation<R> resultType) {
        return DataStream.hinted(aggregate(function), resultType);
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

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy) {
        return reduce(FieldAggregation.maxBy(positionToMaxBy, true));
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return reduce(FieldAggregation.maxBy(field, true));
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return input.getExecutionEnvironment();
    }

    private <R> SingleOutputStreamOperator<R> window(String method, Function preAggregation, Function windowFunction) {
        Function named = windowFunction != null ? windowFunction : preAggregation;
        SingleOutputStreamOperator<R> result = input.addOperator(settings.describe(named.getClass().getSimpleName()),
                settings.spec(preAggregation, method, windowFunction));
        return result.setParallelism(1).setMaxParallelism(1);
    }

    /** The constant key of a non-keyed window. */
    private static final class NullByteKeySelector<T> implements KeySelector<T, Byte> {
        private static final long serialVersionUID = 1L;
        private static final Byte ZERO = 0;

        @Override
        public Byte getKey(T value) {
            return ZERO;
        }
    }
}
