package dev.weir.plan;

import dev.weir.api.common.functions.Function;
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
