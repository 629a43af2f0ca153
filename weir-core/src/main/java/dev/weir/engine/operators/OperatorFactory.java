package dev.weir.engine.operators;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.connector.sink2.Sink;
import dev.weir.builtin.BundledFunction;
import dev.weir.builtin.BundledKeyedProcessFunction;
import dev.weir.builtin.BundledReduceFunction;
import dev.weir.streaming.api.functions.sink.SinkFunction;
import dev.weir.streaming.api.functions.co.BroadcastProcessFunction;
import dev.weir.streaming.api.functions.co.CoFlatMapFunction;
import dev.weir.streaming.api.functions.co.CoMapFunction;
import dev.weir.streaming.api.functions.co.CoProcessFunction;
import dev.weir.api.common.functions.FilterFunction;
import dev.weir.api.common.functions.FlatMapFunction;
import dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.plan.OperatorSpec;
import dev.weir.plan.Specs;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.engine.windowing.WindowOperators;

/** Turns an operator spec of the API into a fresh runtime operator, one per subtask. */
public final class OperatorFactory {
    private OperatorFactory() {
    }

    /**
     * @param missingEventTimeSource the name of a source whose stream reaches this operator without watermarks, or
     *                               null; keyed process operators refuse event-time timers then
     */
    @SuppressWarnings("unchecked")
    public static StreamOperator create(OperatorSpec spec, boolean keyed, String name, String missingEventTimeSource) {
        return create(spec, keyed, name, missingEventTimeSource, 1, name);
    }

    /**
     * Creates the operator of one subtask; when {@code parallelism} is above one, the user function is copied so that
     * no two subtasks share an instance. {@code description} names the operator in errors.
     */
    @SuppressWarnings("unchecked")
    public static StreamOperator create(OperatorSpec spec, boolean keyed, String name, String missingEventTimeSource,
                                        int parallelism, String description) {
        StreamOperator op = createUnkeyed(spec, name, missingEventTimeSource, parallelism, description);
        if (!keyed || op instanceof KeyedBroadcastProcessOperator) {
            return op;
        }
        if (op instanceof OneInputOperator one) {
            return ClassCloner.newInstance(KeyedOneInputOperator.class, one.getClass(), new Class<?>[] {OneInputOperator.class}, one);
        }
        return new KeyedTwoInputOperator((TwoInputOperator) op);
    }

    @SuppressWarnings("unchecked")
    private static StreamOperator createUnkeyed(OperatorSpec spec, String name, String missingEventTimeSource, int parallelism,
                                                String description) {
        StreamOperator op;
        if (spec instanceof Specs.MapSpec s) {
            op = ClassCloner.newInstance(MapOperator.class, s.function().getClass(), new Class<?>[] {MapFunction.class},
                    own((MapFunction<Object, Object>) s.function(), parallelism, description));
        } else if (spec instanceof Specs.FlatMapSpec s && s.function() instanceof BundledFunction<?, ?> bundled) {
            op = new BundledFlatMapOperator(own((BundledFunction<Object, Object>) bundled, parallelism, description));
        } else if (spec instanceof Specs.FlatMapSpec s) {
            op = ClassCloner.newInstance(FlatMapOperator.class, s.function().getClass(), new Class<?>[] {FlatMapFunction.class},
                    own((FlatMapFunction<Object, Object>) s.function(), parallelism, description));
        } else if (spec instanceof Specs.FilterSpec s) {
            op = ClassCloner.newInstance(FilterOperator.class, s.function().getClass(), new Class<?>[] {FilterFunction.class},
                    own((FilterFunction<Object>) s.function(), parallelism, description));
        } else if (spec instanceof Specs.ProcessSpec s) {
            op = new ProcessOperator(own((ProcessFunction<Object, Object>) s.function(), parallelism, description));
        } else if (spec instanceof Specs.KeyedProcessSpec s && s.function() instanceof BundledKeyedProcessFunction) {
            op = new BundledKeyedProcessOperator(own((KeyedProcessFunction<Object, Object, Object>) s.function(), parallelism, description), missingEventTimeSource);
        } else if (spec instanceof Specs.KeyedProcessSpec s) {
            op = new KeyedProcessOperator(own((KeyedProcessFunction<Object, Object, Object>) s.function(), parallelism, description), missingEventTimeSource);
        } else if (spec instanceof Specs.KeyedReduceSpec s && s.function() instanceof BundledReduceFunction<?> bundled) {
            op = new BundledKeyedReduceOperator(own((BundledReduceFunction<Object>) bundled, parallelism, description));
        } else if (spec instanceof Specs.KeyedReduceSpec s) {
            op = new KeyedReduceOperator(own((ReduceFunction<Object>) s.function(), parallelism, description));
        } else if (spec instanceof Specs.TimestampsAndWatermarksSpec s) {
            op = new TimestampsAndWatermarksOperator((WatermarkStrategy<Object>) s.watermarkStrategy());
        } else if (spec instanceof Specs.CoMapSpec s) {
            op = new CoMapOperator(own((CoMapFunction<Object, Object, Object>) s.function(), parallelism, description));
        } else if (spec instanceof Specs.CoFlatMapSpec s) {
            op = new CoFlatMapOperator(own((CoFlatMapFunction<Object, Object, Object>) s.function(), parallelism, description));
        } else if (spec instanceof Specs.CoProcessSpec s) {
            op = new CoProcessOperator(own((CoProcessFunction<Object, Object, Object>) s.function(), parallelism, description));
        } else if (spec instanceof Specs.KeyedCoProcessSpec s) {
            op = new KeyedCoProcessOperator(own((KeyedCoProcessFunction<Object, Object, Object, Object>) s.function(), parallelism, description), missingEventTimeSource);
        } else if (spec instanceof Specs.BroadcastProcessSpec s) {
            op = new BroadcastProcessOperator(own((BroadcastProcessFunction<Object, Object, Object>) s.function(), parallelism, description),
                    s.broadcastStates());
        } else if (spec instanceof Specs.KeyedBroadcastProcessSpec s) {
            op = new KeyedBroadcastProcessOperator(own((KeyedBroadcastProcessFunction<Object, Object, Object, Object>) s.function(),
                    parallelism, description), s.broadcastStates(), missingEventTimeSource);
        } else if (spec instanceof Specs.SinkSpec s) {
            op = ClassCloner.newInstance(SinkWriterOperator.class, s.sink().getClass(), new Class<?>[] {Sink.class}, s.sink());
        } else if (spec instanceof Specs.SinkFunctionSpec s) {
            op = new SinkFunctionOperator(own((SinkFunction<Object>) s.function(), parallelism, description));
        } else if (WindowOperators.handles(spec)) {
            op = WindowOperators.create(spec, parallelism, description);
        } else {
            throw new InvalidProgramException("Operator '" + name + "' has a spec this runtime does not know (" + spec.getClass().getName()
                    + "): is the module that provides it on the class path?");
        }
        return op;
    }

    private static <F> F own(F function, int parallelism, String description) {
        return FunctionCopier.copyFor(function, parallelism, description);
    }
}
