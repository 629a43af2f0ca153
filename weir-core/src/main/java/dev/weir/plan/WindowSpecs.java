package dev.weir.plan;

import dev.weir.api.common.functions.Function;
import dev.weir.api.common.functions.RichFunction;
import dev.weir.streaming.api.windowing.assigners.MergingWindowAssigner;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.functions.co.ProcessJoinFunction;
import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.evictors.Evictor;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import java.util.Objects;

/** The operator specs of windows and joins. */
public final class WindowSpecs {
    private WindowSpecs() {
    }

    /**
     * Refuses a trigger that cannot merge on a merging (session) assigner, as Flink does when the trigger is set.
     *
     * @throws UnsupportedOperationException naming both and what to implement
     */
    public static void requireMergeableTrigger(WindowAssigner<?, ?> assigner, Trigger<?, ?> trigger) {
        if (assigner instanceof MergingWindowAssigner && !trigger.canMerge()) {
            throw new UnsupportedOperationException("A merging window assigner cannot be used with a trigger that does not support merging: "
                    + assigner + " merges windows, but " + trigger + " returns false from canMerge(); implement canMerge() and onMerge(...)");
        }
    }

    /**
     * Refuses a rich pre-aggregation function of {@code method} ("reduce", "aggregate"), as Flink does: window state is
     * pre-aggregated without a runtime context.
     *
     * @throws UnsupportedOperationException naming the function and the alternative
     */
    public static void requirePlainPreAggregation(Function preAggregation, String method) {
        if (preAggregation instanceof RichFunction) {
            throw new UnsupportedOperationException("The function of " + method + " on a window cannot be a RichFunction ("
                    + preAggregation.getClass().getName() + "): window state is pre-aggregated without a runtime context. Use "
                    + method + "(function, processWindowFunction) and open what you need in the ProcessWindowFunction");
        }
    }

    /**
     * A window on a keyed stream (or on a constant key for {@code windowAll}). {@code preAggregation} is a
     * {@code ReduceFunction}, an {@code AggregateFunction} or null (the window keeps its elements);
     * {@code windowFunction} is a {@code ProcessWindowFunction}, {@code WindowFunction}, {@code ProcessAllWindowFunction},
     * {@code AllWindowFunction} or null (the pre-aggregated result is emitted as is). {@code customTrigger} is true when
     * the user replaced the assigner's default trigger.
     */
    public record WindowSpec(WindowAssigner<?, ?> assigner, Trigger<?, ?> trigger, boolean customTrigger, Evictor<?, ?> evictor,
                             long allowedLateness, OutputTag<?> lateDataOutputTag, Function preAggregation,
                             Function windowFunction) implements OperatorSpec {
        public WindowSpec {
            Objects.requireNonNull(assigner, "assigner");
            Objects.requireNonNull(trigger, "trigger");
        }

        @Override
        public String kind() {
            return "Window";
        }

        @Override
        public boolean needsEventTime() {
            return assigner.isEventTime();
        }

        @Override
        public boolean isKeyed() {
            return true;
        }
    }

    /** {@code KeyedStream#intervalJoin(...).between(lower, upper).process(...)}; bounds in milliseconds as given. */
    public record IntervalJoinSpec(long lowerBound, long upperBound, boolean lowerBoundInclusive, boolean upperBoundInclusive,
                                   OutputTag<?> leftLateDataOutputTag, OutputTag<?> rightLateDataOutputTag,
                                   ProcessJoinFunction<?, ?, ?> function) implements OperatorSpec {
        @Override
        public String kind() {
            return "IntervalJoin";
        }

        @Override
        public boolean needsEventTime() {
            return true;
        }

        @Override
        public boolean isKeyed() {
            return true;
        }
    }
}
