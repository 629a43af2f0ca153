package dev.weir.streaming.api.datastream;

import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.plan.aggregation.FieldAggregation;
import dev.weir.plan.OperatorSpec;
import dev.weir.plan.Partitioning;
import dev.weir.plan.Specs;
import dev.weir.plan.Transformation;
import dev.weir.streaming.api.windowing.assigners.GlobalWindows;
import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.evictors.CountEvictor;
import dev.weir.streaming.api.windowing.triggers.CountTrigger;
import dev.weir.streaming.api.windowing.triggers.PurgingTrigger;
import dev.weir.streaming.api.windowing.windows.GlobalWindow;
import dev.weir.streaming.api.windowing.windows.Window;
import dev.weir.plan.WindowSpecs;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.co.ProcessJoinFunction;
import dev.weir.streaming.api.windowing.time.Time;
import dev.weir.util.OutputTag;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

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
        return declared(addOperator("KeyedProcess", new Specs.KeyedProcessSpec(requireFunction(function, "process"))), function);
    }

    /** {@link #process(KeyedProcessFunction)} with Flink's type hint, accepted and not needed. */
    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function, TypeInformation<R> outputType) {
        return hinted(process(function), outputType);
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
        return sameType(addOperator("Keyed Reduce", new Specs.KeyedReduceSpec(requireFunction(reducer, "reduce"))));
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
        return sameType(addOperator("Keyed Aggregation", new Specs.KeyedReduceSpec(aggregation)));
    }

    /** Operators on a keyed stream are keyed: they get this stream's key selector for their state and timers. */
    @Override
    protected <R> SingleOutputStreamOperator<R> addOperator(String name, OperatorSpec spec) {
        SingleOutputStreamOperator<R> result = super.addOperator(name, spec);
        result.getTransformation().setStateKeys(List.of(keySelector));
        return result;
    }

    /**
     * The first step of an interval join of two keyed streams: {@code left.intervalJoin(right).between(lower, upper)}
     * joins each left element at {@code t} with the right elements of the same key in {@code [t + lower, t + upper]}.
     */
    public static class IntervalJoin<T1, T2, KEY> {
        private final KeyedStream<T1, KEY> left;
        private final KeyedStream<T2, KEY> right;
        private boolean processingTime;

        IntervalJoin(KeyedStream<T1, KEY> left, KeyedStream<T2, KEY> right) {
            this.left = Objects.requireNonNull(left, "left");
            this.right = Objects.requireNonNull(right, "interval join with a null stream");
        }

        /** The default: the join works in event time. */
        public IntervalJoin<T1, T2, KEY> inEventTime() {
            processingTime = false;
            return this;
        }

        /** Refused by {@link #between}: interval joins work in event time only, as in Flink. */
        public IntervalJoin<T1, T2, KEY> inProcessingTime() {
            processingTime = true;
            return this;
        }

        public IntervalJoined<T1, T2, KEY> between(Duration lowerBound, Duration upperBound) {
            return between(Objects.requireNonNull(lowerBound, "lowerBound").toMillis(), Objects.requireNonNull(upperBound, "upperBound").toMillis());
        }

        public IntervalJoined<T1, T2, KEY> between(Time lowerBound, Time upperBound) {
            return between(Objects.requireNonNull(lowerBound, "lowerBound").toMilliseconds(),
                    Objects.requireNonNull(upperBound, "upperBound").toMilliseconds());
        }

        private IntervalJoined<T1, T2, KEY> between(long lower, long upper) {
            if (processingTime) {
                throw new UnsupportedOperationException("Time-bounded stream joins are only supported in event time: remove "
                        + "inProcessingTime() and give both streams timestamps and watermarks");
            }
            if (lower > upper) {
                throw new IllegalArgumentException("An interval join needs lowerBound <= upperBound, but was between(" + lower + " ms, "
                        + upper + " ms)");
            }
            return new IntervalJoined<>(left, right, lower, upper);
        }
    }

    /** An interval join with its bounds; choose exclusive bounds and late-data outputs, then the join function. */
    public static class IntervalJoined<IN1, IN2, KEY> {
        private final KeyedStream<IN1, KEY> left;
        private final KeyedStream<IN2, KEY> right;
        private final long lowerBound;
        private final long upperBound;
        private boolean lowerBoundInclusive = true;
        private boolean upperBoundInclusive = true;
        private OutputTag<IN1> leftLateDataOutputTag;
        private OutputTag<IN2> rightLateDataOutputTag;

        IntervalJoined(KeyedStream<IN1, KEY> left, KeyedStream<IN2, KEY> right, long lowerBound, long upperBound) {
            this.left = left;
            this.right = right;
            this.lowerBound = lowerBound;
            this.upperBound = upperBound;
        }

        public IntervalJoined<IN1, IN2, KEY> lowerBoundExclusive() {
            lowerBoundInclusive = false;
            return this;
        }

        public IntervalJoined<IN1, IN2, KEY> upperBoundExclusive() {
            upperBoundInclusive = false;
            return this;
        }

        /** Left elements behind the watermark go here instead of being dropped. */
        public IntervalJoined<IN1, IN2, KEY> sideOutputLeftLateData(OutputTag<IN1> outputTag) {
            leftLateDataOutputTag = Objects.requireNonNull(outputTag, "outputTag");
            return this;
        }

        public IntervalJoined<IN1, IN2, KEY> sideOutputRightLateData(OutputTag<IN2> outputTag) {
            rightLateDataOutputTag = Objects.requireNonNull(outputTag, "outputTag");
            return this;
        }

        /** {@link #process(ProcessJoinFunction)} with Flink's type hint, accepted and not needed. */
        public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<IN1, IN2, OUT> processJoinFunction,
                                                             TypeInformation<OUT> outputType) {
            return DataStream.hinted(process(processJoinFunction), outputType);
        }

        public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<IN1, IN2, OUT> processJoinFunction) {
            DataStream.requireFunction(processJoinFunction, "process");
            long lower = lowerBoundInclusive ? lowerBound : lowerBound + 1;
            long upper = upperBoundInclusive ? upperBound : upperBound - 1;
            if (lower > upper) {
                throw new IllegalArgumentException("The interval join's bounds leave no interval: between(" + lowerBound + " ms, " + upperBound
                        + " ms) with " + (lowerBoundInclusive ? "" : "lowerBoundExclusive() ") + (upperBoundInclusive ? "" : "upperBoundExclusive()")
                        + " needs lowerBound <= upperBound to be fulfilled; widen the bounds");
            }
            StreamExecutionEnvironment env = left.getExecutionEnvironment();
            WindowSpecs.IntervalJoinSpec spec = new WindowSpecs.IntervalJoinSpec(lowerBound, upperBound, lowerBoundInclusive, upperBoundInclusive,
                    leftLateDataOutputTag, rightLateDataOutputTag, processJoinFunction);
            Transformation t = Transformation.operator(env.nextId(), "IntervalJoin", spec, List.of(left.getTransformation(), right.getTransformation()));
            t.setStateKeys(List.of(left.getKeySelector(), right.getKeySelector()));
            return new SingleOutputStreamOperator<>(env, t);
        }
    }
}
