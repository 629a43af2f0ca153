package dev.weir.engine.windowing;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.streaming.api.functions.co.ProcessJoinFunction;
import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.plan.OperatorSpec;
import dev.weir.plan.WindowSpecs;
import dev.weir.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.evictors.Evictor;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.windows.Window;
import dev.weir.engine.operators.FunctionCopier;
import dev.weir.engine.operators.StreamOperator;

/**
 * Makes the operators of window and interval-join specs. A tumbling or sliding event-time window with the default
 * trigger, no evictor and no allowed lateness runs on the {@link SlicingWindowOperator} (with or without
 * pre-aggregation); an event-time session window with a fixed gap, the default trigger, no evictor, no allowed
 * lateness and a reduce or aggregate function runs on the {@link SessionWindowOperator}; every other window runs
 * on the generic {@link WindowOperator}.
 */
public final class WindowOperators {
    private WindowOperators() {
    }

    public static boolean handles(OperatorSpec spec) {
        return spec instanceof WindowSpecs.WindowSpec || spec instanceof WindowSpecs.IntervalJoinSpec;
    }

    /** One subtask's operator; functions are copied when {@code parallelism} is above one. */
    public static StreamOperator create(OperatorSpec spec, int parallelism, String description) {
        if (spec instanceof WindowSpecs.IntervalJoinSpec join) {
            return intervalJoin(join, parallelism, description);
        }
        WindowSpecs.WindowSpec window = (WindowSpecs.WindowSpec) spec;
        if (canSlice(window)) {
            return slicing(window, parallelism, description);
        }
        return canMergeSessionsInPlace(window) ? sessions(window, parallelism, description) : generic(window, parallelism, description);
    }

    /** Whether the spec runs on the slicing operator. */
    public static boolean canSlice(WindowSpecs.WindowSpec spec) {
        Class<?> assigner = spec.assigner().getClass();
        return (assigner == TumblingEventTimeWindows.class || assigner == SlidingEventTimeWindows.class)
                && !spec.customTrigger() && spec.evictor() == null && spec.allowedLateness() == 0
                && (spec.preAggregation() == null || spec.preAggregation() instanceof ReduceFunction
                    || spec.preAggregation() instanceof AggregateFunction);
    }

    /** Whether the spec runs on the {@link SessionWindowOperator}. */
    public static boolean canMergeSessionsInPlace(WindowSpecs.WindowSpec spec) {
        return spec.assigner().getClass() == EventTimeSessionWindows.class
                && !spec.customTrigger() && spec.evictor() == null && spec.allowedLateness() == 0
                && (spec.preAggregation() instanceof ReduceFunction || spec.preAggregation() instanceof AggregateFunction);
    }

    private static StreamOperator sessions(WindowSpecs.WindowSpec spec, int parallelism, String description) {
        long gap = ((EventTimeSessionWindows) spec.assigner()).getGap();
        Object pre = FunctionCopier.copyFor(spec.preAggregation(), parallelism, description);
        SliceFunction aggregation;
        SessionTable table;
        if (pre instanceof ReduceFunction<?> reduce) {
            aggregation = SliceFunction.reducing(castReduce(reduce));
            table = new SessionTable(aggregation);
        } else {
            AggregateFunction<Object, Object, Object> aggregate = castAggregate((AggregateFunction<?, ?, ?>) pre);
            aggregation = SliceFunction.aggregating(aggregate);
            // Accumulators of primitive fields only live in the table's rows, not as an object per session.
            table = new SessionTable(aggregation, aggregate, PrimitiveFields.of(FlatAggregatingSlices.accumulatorClass(aggregate)));
        }
        InternalWindowFunction function = InternalWindowFunction.of(FunctionCopier.copyFor(spec.windowFunction(), parallelism, description));
        return new SessionWindowOperator(gap, spec.lateDataOutputTag(), aggregation, table, function);
    }

    /** The generic operator even where slicing applies; for tests that compare both. */
    public static StreamOperator generic(WindowSpecs.WindowSpec spec, int parallelism, String description) {
        @SuppressWarnings("unchecked")
        WindowAssigner<Object, Window> assigner = (WindowAssigner<Object, Window>) FunctionCopier.copyFor(spec.assigner(), parallelism, description);
        @SuppressWarnings("unchecked")
        Trigger<Object, Window> trigger = (Trigger<Object, Window>) FunctionCopier.copyFor(spec.trigger(), parallelism, description);
        @SuppressWarnings("unchecked")
        Evictor<Object, Window> evictor = (Evictor<Object, Window>) FunctionCopier.copyFor(spec.evictor(), parallelism, description);
        Object pre = FunctionCopier.copyFor(spec.preAggregation(), parallelism, description);
        InternalWindowFunction function = InternalWindowFunction.of(FunctionCopier.copyFor(spec.windowFunction(), parallelism, description));
        WindowContents.Factory contents;
        if (evictor != null) {
            function = InternalWindowFunction.applyingPreAggregation(spec.preAggregation() == null ? null : (dev.weir.api.common.functions.Function) pre, function);
            contents = ListContents::new;
        } else if (pre instanceof ReduceFunction<?> reduce) {
            contents = backend -> new ReduceContents(backend, castReduce(reduce));
        } else if (pre instanceof AggregateFunction<?, ?, ?> aggregate) {
            contents = backend -> new AggregateContents(backend, castAggregate(aggregate));
        } else {
            contents = ListContents::new;
        }
        return new WindowOperator(assigner, trigger, evictor, spec.allowedLateness(), spec.lateDataOutputTag(), contents, function);
    }

    private static StreamOperator slicing(WindowSpecs.WindowSpec spec, int parallelism, String description) {
        long size;
        long slide;
        long offset;
        if (spec.assigner() instanceof TumblingEventTimeWindows tumbling) {
            size = tumbling.getSize();
            slide = size;
            offset = tumbling.getOffset();
        } else {
            SlidingEventTimeWindows sliding = (SlidingEventTimeWindows) spec.assigner();
            size = sliding.getSize();
            slide = sliding.getSlide();
            offset = sliding.getOffset();
        }
        Object pre = FunctionCopier.copyFor(spec.preAggregation(), parallelism, description);
        SliceFunction slices = pre == null ? SliceFunction.buffering()
                : pre instanceof ReduceFunction<?> reduce ? SliceFunction.reducing(castReduce(reduce))
                : SliceFunction.aggregatingInTables(castAggregate((AggregateFunction<?, ?, ?>) pre));
        InternalWindowFunction function = InternalWindowFunction.of(FunctionCopier.copyFor(spec.windowFunction(), parallelism, description));
        return new SlicingWindowOperator(size, slide, offset, spec.lateDataOutputTag(), slices, function);
    }

    @SuppressWarnings("unchecked")
    private static StreamOperator intervalJoin(WindowSpecs.IntervalJoinSpec spec, int parallelism, String description) {
        long lower = spec.lowerBoundInclusive() ? spec.lowerBound() : spec.lowerBound() + 1;
        long upper = spec.upperBoundInclusive() ? spec.upperBound() : spec.upperBound() - 1;
        ProcessJoinFunction<Object, Object, Object> function = (ProcessJoinFunction<Object, Object, Object>)
                FunctionCopier.copyFor(spec.function(), parallelism, description);
        return new IntervalJoinOperator(lower, upper, spec.leftLateDataOutputTag(), spec.rightLateDataOutputTag(), function);
    }

    @SuppressWarnings("unchecked")
    private static ReduceFunction<Object> castReduce(ReduceFunction<?> reduce) {
        return (ReduceFunction<Object>) reduce;
    }

    @SuppressWarnings("unchecked")
    private static AggregateFunction<Object, Object, Object> castAggregate(AggregateFunction<?, ?, ?> aggregate) {
        return (AggregateFunction<Object, Object, Object>) aggregate;
    }
}
