package dev.weir.api;

import dev.weir.api.functions.OutputTag;
import dev.weir.api.functions.ProcessJoinFunction;
import dev.weir.api.graph.Transformation;
import dev.weir.api.graph.WindowSpecs;
import java.util.List;
import java.util.Objects;

/** An interval join with its bounds; choose exclusive bounds and late-data outputs, then the join function. */
public class IntervalJoined<IN1, IN2, KEY> {
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
